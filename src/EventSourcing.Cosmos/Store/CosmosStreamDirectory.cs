using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Resilience;
using EventSourcing.Store;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Store;

/// <summary>
/// The stream listing on Cosmos: every stream has one tip, so the tips are the directory. One query across partitions,
/// ordered and bounded by the indexed stream id, so a page costs about its size however many streams there are.
/// </summary>
public sealed class CosmosStreamDirectory : IStreamDirectory
{
    private readonly Container _events;
    private readonly CosmosCalls _calls;

    /// <param name="events">The events container (partition key <c>/streamId</c>, <c>/streamId/?</c> indexed).</param>
    public CosmosStreamDirectory(Container events, CosmosRetryOptions? retry = null, ILogger<CosmosStreamDirectory>? logger = null)
    {
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _calls = CosmosCalls.Create(retry, logger);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string? prefix, string? after, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        if (maxCount == 0) return [];
        var query = new QueryDefinition(
                "SELECT c.streamId, c.version, c.timestamp FROM c WHERE c.kind = @tip AND STARTSWITH(c.streamId, @prefix) AND c.streamId > @after " +
                "ORDER BY c.streamId OFFSET 0 LIMIT @max")
            .WithParameter("@tip", DocumentKinds.Tip)
            .WithParameter("@prefix", prefix ?? "")
            .WithParameter("@after", after ?? "")
            .WithParameter("@max", maxCount);
        var tips = await _calls.QueryAllAsync<TipDocument>("list-streams", prefix ?? "*",
            () => _events.GetItemQueryStreamIterator(query, null, new QueryRequestOptions { MaxItemCount = maxCount }), new Charge(), cancellationToken);
        return [.. tips.Select(t => new StreamSummary(t.StreamId, t.Version, t.Timestamp))];
    }
}
