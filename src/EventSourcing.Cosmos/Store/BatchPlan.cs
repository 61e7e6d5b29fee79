using System.Text.Json;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Store;

namespace EventSourcing.Cosmos.Store;

/// <summary>
/// The two documents of one append, serialized and measured: the immutable commit holding every event, and the
/// stream's next tip (created for a new stream, else replaced under the ETag that was read).
/// </summary>
internal sealed record BatchPlan(string StreamId, byte[] Commit, byte[] Tip, string? TipETag, AppendResult Result)
{
    public int Bytes => Commit.Length + Tip.Length;

    /// <summary>Plans the append after <paramref name="tip"/> (null: a new stream).</summary>
    /// <param name="now">The writer's clock; a commit is never stamped earlier than the stream's previous one.</param>
    /// <exception cref="AppendTooLargeException">The documents would not fit one batch; nothing may be sent.</exception>
    public static BatchPlan Create(string streamId, StreamTip? tip, IReadOnlyList<EventData> events, DateTimeOffset now, AppendLimits limits)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(limits);
        var current = tip?.Version ?? 0;
        var timestamp = tip is not null && tip.Timestamp > now ? tip.Timestamp : now;
        var last = current + events.Count;
        var commit = JsonSerializer.SerializeToUtf8Bytes(DocumentMapper.ToCommit(streamId, current + 1, timestamp, events), CosmosJson.Options);
        var next = JsonSerializer.SerializeToUtf8Bytes(DocumentMapper.ToTip(streamId, last, timestamp), CosmosJson.Options);
        var plan = new BatchPlan(streamId, commit, next, tip?.ETag, new AppendResult(last, null));
        if (commit.Length > CosmosLimits.MaxDocumentBytes || plan.Bytes > CosmosLimits.MaxBatchBytes)
            throw new AppendTooLargeException(streamId, events.Count, plan.Bytes, limits with { MaxBytesPerAppend = CosmosLimits.MaxBatchBytes });
        return plan;
    }
}
