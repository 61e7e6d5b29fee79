using EventSourcing.Feed;

namespace EventSourcing.Http.Reads;

/// <summary>Reads the store's feed for subscribers: each event with its envelope, as in the audit trail, plus its stream.</summary>
/// <param name="reader">The feed reader of the host's store.</param>
public sealed class EventFeed(IEventFeedReader reader)
{
    /// <summary>The page <paramref name="request"/> asks for, each event as its view; waits (long polls) as the request says.</summary>
    /// <exception cref="InvalidFeedCursorException">The request's cursor is not one the feed handed out.</exception>
    public async Task<EventFeedPage> ReadAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        var page = await reader.ReadAsync(request, cancellationToken);
        return new EventFeedPage([.. page.Events.Select(FeedEvent.From)], page.Next);
    }
}
