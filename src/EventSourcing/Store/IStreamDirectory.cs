namespace EventSourcing.Store;

/// <summary>
/// The streams a store holds, in stream-id order, for operators who look a stream up by id or prefix. A separate
/// contract from <see cref="IEventStore"/>: appends and reads never need it, and each store answers it from what it
/// keeps per stream (SQLite's streams table, Cosmos's tips).
/// </summary>
public interface IStreamDirectory
{
    /// <summary>
    /// Up to <paramref name="maxCount"/> streams whose id starts with <paramref name="prefix"/> (every stream when
    /// null or empty) and sorts after <paramref name="after"/> (ordinal), in ordinal order of their ids.
    /// </summary>
    Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string? prefix, string? after, int maxCount, CancellationToken cancellationToken = default);
}
