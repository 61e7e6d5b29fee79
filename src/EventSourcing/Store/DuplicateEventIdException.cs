namespace EventSourcing.Store;

/// <summary>An event id that is already stored somewhere other than this append's place.</summary>
public sealed class DuplicateEventIdException(Guid eventId, string streamId, string existingStreamId, long existingVersion)
    : EventStoreException(
        $"Event {eventId} appended to '{streamId}' is already stored as version {existingVersion} of '{existingStreamId}'.")
{
    /// <summary>The id that is already stored.</summary>
    public Guid EventId { get; } = eventId;
    /// <summary>The stream the refused append was for.</summary>
    public string StreamId { get; } = streamId;
    /// <summary>The stream holding the event with that id.</summary>
    public string ExistingStreamId { get; } = existingStreamId;
    /// <summary>That event's version in its stream.</summary>
    public long ExistingVersion { get; } = existingVersion;
}
