using System.Text.Json.Serialization;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Store;
using Microsoft.Azure.Cosmos;

namespace EventSourcing.Cosmos.Store;

/// <summary>
/// Events by correlation id on Cosmos: one query across every partition, over the indexed path
/// <c>/events/[]/correlationId</c>, ordered by the composite index (timestamp, streamId, first). Cosmos has no global
/// position, so commit order here is commit timestamp (the appending host's clock), then stream id, then version: each
/// stream's events in version order, streams interleaved by when their appends committed. Each page's request units
/// are recorded under the operation <c>trace-correlation</c>.
/// </summary>
public sealed class CosmosCorrelationIndex : ICorrelationIndex
{
    internal const string Operation = "trace-correlation";

    private readonly Container _events;
    private readonly CosmosCalls _calls;

    internal CosmosCorrelationIndex(Container events, CosmosCalls calls)
    {
        _events = events;
        _calls = calls;
    }

    /// <inheritdoc />
    public async Task<CorrelatedPage> ReadCorrelatedAsync(string correlationId, string? after, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(correlationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        var from = after is null ? null : CorrelationQuery.ParseCursor(after);

        var plan = CorrelationQuery.For(correlationId, from, maxCount + 1);
        var query = new QueryDefinition(plan.Text);
        foreach (var (name, value) in plan.Parameters) query = query.WithParameter(name, value);
        var rows = await _calls.QueryAllAsync<Row>(Operation, correlationId,
            () => _events.GetItemQueryStreamIterator(query, null, new QueryRequestOptions { MaxItemCount = maxCount + 1 }), new Charge(), cancellationToken);

        var events = rows.Take(maxCount).Select(r => DocumentMapper.ToRecorded(r.StreamId, r.Timestamp, r.Entry)).ToList();
        if (rows.Count <= maxCount) return new CorrelatedPage(events, null);
        var last = events[^1];
        return new CorrelatedPage(events, CorrelationQuery.Cursor(new CorrelationQuery.Position(last.Timestamp, last.StreamId, last.StreamVersion)));
    }

    private sealed record Row
    {
        [JsonPropertyName("streamId")] public string StreamId { get; init; } = "";

        [JsonPropertyName("timestamp"), JsonConverter(typeof(UtcTimestampConverter))]
        public DateTimeOffset Timestamp { get; init; }

        [JsonPropertyName("entry")] public EventEntry Entry { get; init; } = new();
    }
}
