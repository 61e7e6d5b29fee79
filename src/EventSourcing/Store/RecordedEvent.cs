namespace EventSourcing.Store;

/// <summary>An event as the store holds it: the envelope every reader sees.</summary>
/// <param name="EventId">Unique across the store.</param>
/// <param name="StreamId">The stream it belongs to.</param>
/// <param name="StreamVersion">Its place in the stream, from 1, contiguous.</param>
/// <param name="Position">Its place in the store's global order, or null where the store has none.</param>
/// <param name="Type">The declared stored name.</param>
/// <param name="SchemaVersion">The shape version the data was written with.</param>
/// <param name="Timestamp">When the store committed it, UTC.</param>
/// <param name="Data">UTF-8 JSON of the event as stored (never rewritten).</param>
/// <param name="Metadata">Correlation, causation and headers.</param>
public sealed record RecordedEvent(
    Guid EventId,
    string StreamId,
    long StreamVersion,
    long? Position,
    string Type,
    int SchemaVersion,
    DateTimeOffset Timestamp,
    ReadOnlyMemory<byte> Data,
    EventMetadata Metadata);
