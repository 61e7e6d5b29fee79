namespace EventSourcing.Feed;

/// <summary>
/// Every event of a store in commit order, a page at a time, for subscribers outside the process: each page ends with a
/// cursor to pass back, so a reader that always continues from the last <see cref="FeedPage.Next"/> sees every event
/// exactly once. One implementation per store (a global position on SQLite, the change feed on Cosmos); the cursor is
/// opaque and says which store issued it.
/// </summary>
public interface IEventFeedReader
{
    /// <summary>
    /// The events after <see cref="FeedRequest.After"/> that match its filter, at most <see cref="FeedRequest.MaxCount"/>.
    /// When none are there yet, waits up to <see cref="FeedRequest.Wait"/> for one. With a filter the page may be empty
    /// although the cursor moved on (a stretch of other events was passed over): continue from <see cref="FeedPage.Next"/>.
    /// </summary>
    /// <exception cref="InvalidFeedCursorException">The cursor is malformed or was issued by another store's feed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The request is outside the bounds <see cref="FeedRequest"/> names.</exception>
    Task<FeedPage> ReadAsync(FeedRequest request, CancellationToken cancellationToken = default);
}
