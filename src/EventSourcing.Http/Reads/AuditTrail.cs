using System.Text.Json;
using EventSourcing.Store;

namespace EventSourcing.Http.Reads;

/// <summary>Reads streams for the audit-trail endpoint.</summary>
/// <param name="store">The host's event store.</param>
public sealed class AuditTrail(IEventStore store)
{
    /// <summary>
    /// A page of <paramref name="streamId"/>'s events from <paramref name="fromVersion"/> (the first, forward; the last,
    /// backward), with the stream's current version.
    /// </summary>
    /// <exception cref="StreamNotFoundException">No stream has that id.</exception>
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
