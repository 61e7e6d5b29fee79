namespace EventSourcing.Store;

/// <summary>Base of every error the store contract defines. Nothing was written when one is thrown.</summary>
public abstract class EventStoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The stream was not at the version the writer expected.</summary>
public sealed class WrongExpectedVersionException(string streamId, ExpectedVersion expected, long actual)
    : EventStoreException($"Stream '{streamId}' was expected at version {expected} but is at version {actual}.")
{
    public string StreamId { get; } = streamId;
    public ExpectedVersion Expected { get; } = expected;
    public long Actual { get; } = actual;
}

/// <summary>A read asked for a stream that has no events.</summary>
public sealed class StreamNotFoundException(string streamId)
    : EventStoreException($"Stream '{streamId}' does not exist.")
{
    public string StreamId { get; } = streamId;
}

/// <summary>A stream id that no store accepts.</summary>
public sealed class InvalidStreamIdException(string streamId, string reason)
    : EventStoreException($"Stream id '{streamId}' is invalid: {reason}")
{
    public string StreamId { get; } = streamId;
    public string Reason { get; } = reason;
}

/// <summary>An append over the store's limits on event count or bytes.</summary>
public sealed class AppendTooLargeException(string streamId, int eventCount, long bytes, AppendLimits limits)
    : EventStoreException(
        $"Append to '{streamId}' of {eventCount} events ({bytes} bytes) exceeds the limit of " +
        $"{limits.MaxEventsPerAppend} events and {limits.MaxBytesPerAppend} bytes.")
{
    public string StreamId { get; } = streamId;
    public int EventCount { get; } = eventCount;
    public long Bytes { get; } = bytes;
}

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

/// <summary>
/// The store failed to write (a full or failing disk, a broken connection) and knows the append was not committed.
/// A retry may succeed once the fault is gone; <see cref="Exception.InnerException"/> holds the storage error.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null)
    : EventStoreException(message, inner);

/// <summary>
/// The store cannot tell whether the append committed (an ambiguous timeout, a COMMIT whose answer was lost).
/// Unlike every <see cref="EventStoreException"/>, something may have been written: retry the same append
/// (same event ids) or the same request (same Idempotency-Key), which recognises what did commit.
/// </summary>
public sealed class AppendOutcomeUnknownException(string streamId, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string StreamId { get; } = streamId;
}
