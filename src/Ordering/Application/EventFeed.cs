using EventSourcing.Feed;

namespace Ordering.Application;

/// <summary>Reads the store's feed for subscribers: each event with its envelope, as in the audit trail, plus its stream.</summary>
public sealed class EventFeed(IEventFeedReader reader)
{
    public async Task<EventFeedPage> ReadAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        var page = await reader.ReadAsync(request, cancellationToken);
        return new EventFeedPage([.. page.Events.Select(FeedEvent.From)], page.Next);
    }
}
