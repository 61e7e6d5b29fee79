using System.Text.Json;
using EventSourcing.Store;

namespace Ordering.Application;

/// <summary>A page of one stream's events exactly as stored: the audit trail.</summary>
public sealed record StreamEvents(string StreamId, long Version, IReadOnlyList<StreamEvent> Events);

/// <summary>One stored event with its envelope; <see cref="Data"/> is the stored JSON, never upcast.</summary>
public sealed record StreamEvent(
    Guid EventId,
    string Type,
    int SchemaVersion,
    long Version,
    long? Position,
    DateTimeOffset Timestamp,
    JsonElement Data,
    EventMetadata Metadata);

/// <summary>Reads streams for the audit-trail endpoint.</summary>
public sealed class AuditTrail(IEventStore store)
{
    public async Task<StreamEvents> ReadAsync(string streamId, ReadDirection direction, long? fromVersion, int maxCount, CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(streamId, new StreamReadOptions(direction, fromVersion, maxCount), cancellationToken);
        var version = await store.GetStreamVersionAsync(streamId, cancellationToken);
        return new StreamEvents(streamId, version, [.. events.Select(ToView)]);
    }

    private static StreamEvent ToView(RecordedEvent e)
    {
        using var data = JsonDocument.Parse(e.Data);
        return new(e.EventId, e.Type, e.SchemaVersion, e.StreamVersion, e.Position, e.Timestamp, data.RootElement.Clone(), e.Metadata);
    }
}
