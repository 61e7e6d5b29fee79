using System.Text.Json;
using System.Text.Json.Serialization;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Resilience;
using EventSourcing.Cosmos.Store;
using EventSourcing.Projections;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Projections;

/// <summary>Parked projection events in the dead-letters container (partition key <c>/streamId</c>).</summary>
public sealed class CosmosDeadLetterStore : IDeadLetterStore
{
    private readonly Container _container;
    private readonly CosmosCalls _calls;

    /// <summary>A store over the dead-letters container (partition key <c>/streamId</c>).</summary>
    /// <param name="retry">How transient Cosmos faults are retried; the defaults when null.</param>
    public CosmosDeadLetterStore(Container container, CosmosRetryOptions? retry = null, ILogger<CosmosDeadLetterStore>? logger = null)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        _calls = CosmosCalls.Create(retry, logger);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<ProjectionStreamKey, long>> GetParkedAsync(IReadOnlyCollection<string> streamIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamIds);
        if (streamIds.Count == 0) return new Dictionary<ProjectionStreamKey, long>();
        var query = new QueryDefinition("SELECT c.projection, c.streamId, c.version FROM c WHERE ARRAY_CONTAINS(@streams, c.streamId)")
            .WithParameter("@streams", streamIds.ToArray());
        var rows = await _calls.QueryAllAsync<ParkedRow>("find-parked", $"{streamIds.Count} streams",
            () => _container.GetItemQueryStreamIterator(query), new Charge(), cancellationToken);
        return rows.GroupBy(r => new ProjectionStreamKey(r.Projection, r.StreamId)).ToDictionary(g => g.Key, g => g.Min(r => r.Version));
    }

    /// <inheritdoc />
    public async Task ParkAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        var document = DeadLetterDocument.From(letter);
        var body = JsonSerializer.SerializeToUtf8Bytes(document, CosmosJson.Options);
        using var response = await _calls.SendAsync("park", document.Id,
            ct => _container.UpsertItemStreamAsync(new MemoryStream(body, writable: false), new PartitionKey(document.StreamId), cancellationToken: ct),
            new Charge(), cancellationToken);
        CosmosCalls.EnsureSuccess(response, "park", document.Id);
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var id = DeadLetterDocument.IdOf(letter.Projection, letter.Event.StreamVersion);
        using var response = await _calls.SendAsync("release", id,
            ct => _container.DeleteItemStreamAsync(id, new PartitionKey(letter.Event.StreamId), cancellationToken: ct), new Charge(), cancellationToken);
        if (!CosmosCalls.IsNotFound(response)) CosmosCalls.EnsureSuccess(response, "release", id);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeadLetter>> GetAsync(string projection, CancellationToken cancellationToken = default)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.projection = @projection").WithParameter("@projection", projection);
        var documents = await _calls.QueryAllAsync<DeadLetterDocument>("list-dead-letters", projection,
            () => _container.GetItemQueryStreamIterator(query), new Charge(), cancellationToken);
        // Sorted here: a cross-partition ORDER BY on two properties would need a composite index.
        return [.. documents.OrderBy(d => d.StreamId, StringComparer.Ordinal).ThenBy(d => d.Version).Select(d => d.ToDeadLetter())];
    }

    /// <inheritdoc />
    public async Task<int> CountAsync(string projection, CancellationToken cancellationToken = default)
    {
        var query = new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE c.projection = @projection").WithParameter("@projection", projection);
        var counts = await _calls.QueryAllAsync<int>("count-dead-letters", projection,
            () => _container.GetItemQueryStreamIterator(query), new Charge(), cancellationToken);
        return counts.Sum();
    }

    private sealed record ParkedRow(
        [property: JsonPropertyName("projection")] string Projection,
        [property: JsonPropertyName("streamId")] string StreamId,
        [property: JsonPropertyName("version")] long Version);
}
