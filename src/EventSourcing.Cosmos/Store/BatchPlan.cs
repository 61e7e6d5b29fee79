using System.Text.Json;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Store;

namespace EventSourcing.Cosmos.Store;

/// <summary>What one Cosmos transactional batch may carry (documented service limits).</summary>
public static class CosmosLimits
{
    /// <summary>Largest document Cosmos stores (2 MiB), less room for the system properties it adds.</summary>
    public const int MaxDocumentBytes = 2 * 1024 * 1024 - 1024;

    /// <summary>Largest transactional batch request (2 MiB), less room for the batch's own envelope.</summary>
    public const int MaxBatchBytes = 2 * 1024 * 1024 - 8 * 1024;

    /// <summary>Most operations in one transactional batch; an append always uses two.</summary>
    public const int MaxBatchOperations = 100;
}

/// <summary>The stream's tip as read before an append: its version, last commit time and ETag.</summary>
internal sealed record StreamTip(long Version, DateTimeOffset Timestamp, string ETag);

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
