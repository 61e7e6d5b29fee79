using EventSourcing.Store;

namespace EventSourcing.Http.Reads;

/// <summary>
/// Follows one business transaction across streams by its correlation id: every event one request or workflow caused
/// (with the embedded saga runner, the saga's own events too), from the store's correlation index.
/// </summary>
/// <param name="index">The correlation index of the host's store.</param>
public sealed class CorrelationTrace(ICorrelationIndex index)
{
    /// <summary>The most events one page returns, and the default.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// A page of at most <paramref name="maxCount"/> events carrying <paramref name="correlationId"/>, after the cursor
    /// <paramref name="after"/> (the <c>Next</c> of the page before); an id no event carries is an empty page.
    /// </summary>
    /// <exception cref="EventSourcing.Feed.InvalidFeedCursorException"><paramref name="after"/> is not a cursor this index handed out.</exception>
    public async Task<CorrelatedEvents> ReadAsync(string correlationId, string? after, int maxCount, CancellationToken cancellationToken)
    {
        var page = await index.ReadCorrelatedAsync(correlationId, after, maxCount, cancellationToken);
        return new CorrelatedEvents(correlationId, [.. page.Events.Select(FeedEvent.From)], page.Next);
    }
}
