using System.Text;
using System.Text.Json;
using EventSourcing.Store;

namespace OrderConfirmationMailer.Feed;

/// <summary>One event as the HTTP API shows it: the stored JSON (never upcast) and its envelope.</summary>
internal sealed record FeedEvent(
    Guid EventId,
    string? StreamId,
    string Type,
    int SchemaVersion,
    long Version,
    long? Position,
    DateTimeOffset Timestamp,
    JsonElement Data,
    FeedMetadata? Metadata)
{
    /// <summary>The envelope the core's serializer reads (and upcasts) typed events from.</summary>
    public RecordedEvent ToRecorded(string streamId) => new(
        EventId, StreamId ?? streamId, Version, Position, Type, SchemaVersion, Timestamp,
        Encoding.UTF8.GetBytes(Data.GetRawText()), new EventMetadata(Metadata?.CorrelationId, Metadata?.CausationId));
}
