using System.Text.Json;
using EventSourcing.Store;

namespace EventSourcing.Http.Reads;

/// <summary>
/// One event of the feed: the audit trail's envelope (<see cref="StreamEvent"/>) plus the stream it belongs to;
/// <see cref="Data"/> is the stored JSON, never upcast. <see cref="Position"/> is set where the store has a global order.
/// </summary>
public sealed record FeedEvent(
    Guid EventId,
    string StreamId,
    string Type,
    int SchemaVersion,
    long Version,
    long? Position,
    DateTimeOffset Timestamp,
    JsonElement Data,
    EventMetadata Metadata)
{
    /// <summary>The view of a stored event, its data parsed as stored.</summary>
    public static FeedEvent From(RecordedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var data = JsonDocument.Parse(e.Data);
        return new(e.EventId, e.StreamId, e.Type, e.SchemaVersion, e.StreamVersion, e.Position, e.Timestamp, data.RootElement.Clone(), e.Metadata);
    }
}
