using System.Text.Json;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Resilience;
using EventSourcing.Cosmos.Store;
using EventSourcing.Subscriptions;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Subscriptions;

/// <summary>Subscriptions' parked events in the dead-letters container, one logical partition per subscription (see <see cref="SubscriptionDeadLetterDocument"/>).</summary>
public sealed class CosmosSubscriptionDeadLetterStore : ISubscriptionDeadLetterStore
{
    private readonly Container _container;
    private readonly CosmosCalls _calls;

    /// <summary>A store over the dead-letters container (partition key <c>/streamId</c>), beside the projections' letters.</summary>
    /// <param name="retry">How transient Cosmos faults are retried; the defaults when null.</param>
    public CosmosSubscriptionDeadLetterStore(Container container, CosmosRetryOptions? retry = null, ILogger<CosmosSubscriptionDeadLetterStore>? logger = null)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        _calls = CosmosCalls.Create(retry, logger);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, Guid>> GetParkedKeysAsync(
        string subscription, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) return new Dictionary<string, Guid>();
        var query = new QueryDefinition("SELECT * FROM c WHERE c.subscription = @subscription AND ARRAY_CONTAINS(@keys, c.key)")
            .WithParameter("@subscription", subscription).WithParameter("@keys", keys.ToArray());
        var letters = await QueryAsync(subscription, query, "find-parked-keys", cancellationToken);
        return letters.GroupBy(l => l.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(SubscriptionDeadLetter.FeedOrder).First().Event.EventId, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task ParkAsync(SubscriptionDeadLetter letter, CancellationToken cancellationToken = default)
    {
        var document = SubscriptionDeadLetterDocument.From(letter);
        var body = JsonSerializer.SerializeToUtf8Bytes(document, CosmosJson.Options);
        using var response = await _calls.SendAsync("park", document.Id,
            ct => _container.UpsertItemStreamAsync(new MemoryStream(body, writable: false), new PartitionKey(document.Partition), cancellationToken: ct),
            new Charge(), cancellationToken);
        CosmosCalls.EnsureSuccess(response, "park", document.Id);
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(SubscriptionDeadLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var id = SubscriptionDeadLetterDocument.IdOf(letter.Event.EventId);
        using var response = await _calls.SendAsync("release", id,
            ct => _container.DeleteItemStreamAsync(id, new PartitionKey(SubscriptionDeadLetterDocument.PartitionOf(letter.Subscription)), cancellationToken: ct),
            new Charge(), cancellationToken);
        if (!CosmosCalls.IsNotFound(response)) CosmosCalls.EnsureSuccess(response, "release", id);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SubscriptionDeadLetter>> ListAsync(string subscription, CancellationToken cancellationToken = default)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.subscription = @subscription").WithParameter("@subscription", subscription);
        return [.. (await QueryAsync(subscription, query, "list-dead-letters", cancellationToken)).Order(SubscriptionDeadLetter.FeedOrder)];
    }

    private async Task<IEnumerable<SubscriptionDeadLetter>> QueryAsync(string subscription, QueryDefinition query, string operation, CancellationToken cancellationToken)
    {
        var options = new QueryRequestOptions { PartitionKey = new PartitionKey(SubscriptionDeadLetterDocument.PartitionOf(subscription)) };
        var documents = await _calls.QueryAllAsync<SubscriptionDeadLetterDocument>(operation, subscription,
            () => _container.GetItemQueryStreamIterator(query, requestOptions: options), new Charge(), cancellationToken);
        return documents.Select(d => d.ToDeadLetter());
    }
}
