namespace EventSourcing.Store;

/// <summary>An event id that is already stored somewhere other than this append's place.</summary>
public sealed class DuplicateEventIdException(Guid eventId, string streamId, string existingStreamId, long existingVersion)
    : EventStoreException(
        $"Event {eventId} appended to '{streamId}' is already stored as version {existingVersion} of '{existingStreamId}'.")
{
    public Guid EventId { get; } = eventId;
    public string StreamId { get; } = streamId;
    public string ExistingStreamId { get; } = existingStreamId;
    public long ExistingVersion { get; } = existingVersion;
}
