namespace EventSourcing.Store;

/// <summary>
/// Every event that carries one correlation id, across all streams, in commit order: one business transaction
/// (a checkout's order, stock, payment and saga steps) read back in one call. Each store indexes the id.
/// </summary>
/// <remarks>
/// Commit order is the store's: its global position where it has one (SQLite); on Cosmos, which has none, the commit
/// timestamp and then the stream version, so each stream's events stay in version order and streams interleave by
/// when their appends committed.
/// </remarks>
public interface ICorrelationIndex
{
    /// <summary>
    /// Up to <paramref name="maxCount"/> events carrying <paramref name="correlationId"/>, after the page that returned
    /// <paramref name="after"/> (null: from the first). An id nothing carries gives an empty page.
    /// </summary>
    /// <exception cref="ArgumentException">The correlation id is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is below 1.</exception>
    /// <exception cref="Feed.InvalidFeedCursorException"><paramref name="after"/> is not a cursor a page of this store returned.</exception>
    Task<CorrelatedPage> ReadCorrelatedAsync(string correlationId, string? after, int maxCount, CancellationToken cancellationToken = default);
}
