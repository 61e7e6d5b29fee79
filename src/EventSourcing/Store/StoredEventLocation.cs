namespace EventSourcing.Store;

/// <summary>Where an event id of an append is already stored.</summary>
public sealed record StoredEventLocation(Guid EventId, string StreamId, long StreamVersion, long? Position);
