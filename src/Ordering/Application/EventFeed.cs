using System.Text.Json;
using EventSourcing.Feed;
using EventSourcing.Store;

namespace Ordering.Application;

/// <summary>Reads the store's feed for subscribers: each event with its envelope, as in the audit trail, plus its stream.</summary>
public sealed class EventFeed(IEventFeedReader reader)
{
    public async Task<EventFeedPage> ReadAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        var page = await reader.ReadAsync(request, cancellationToken);
        return new EventFeedPage([.. page.Events.Select(ToView)], page.Next);
    }

    private static FeedEvent ToView(RecordedEvent e)
    {
        using var data = JsonDocument.Parse(e.Data);
        return new(e.EventId, e.StreamId, e.Type, e.SchemaVersion, e.StreamVersion, e.Position, e.Timestamp, data.RootElement.Clone(), e.Metadata);
    }
}
