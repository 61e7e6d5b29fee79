namespace EventSourcing.Store;

/// <summary>
/// The store contract every adapter honours: atomic appends guarded by an expected version,
/// idempotent retries by event id, and stream reads. Every error leaves the store unchanged.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Appends <paramref name="events"/> to the stream as one atomic unit.
    /// Appending again events whose ids are already in that stream at the same versions returns the
    /// original result and writes nothing.
    /// </summary>
    /// <exception cref="WrongExpectedVersionException">The stream is not where the caller expected.</exception>
    /// <exception cref="DuplicateEventIdException">An event id is already stored elsewhere.</exception>
    /// <exception cref="InvalidStreamIdException">The stream id is empty, too long or has forbidden characters.</exception>
    /// <exception cref="AppendTooLargeException">Too many events or bytes for one append.</exception>
    Task<AppendResult> AppendAsync(
        string streamId,
        ExpectedVersion expectedVersion,
        IReadOnlyList<EventData> events,
        CancellationToken cancellationToken = default);

    /// <summary>Reads part of a stream, in version order for the chosen direction.</summary>
    /// <exception cref="StreamNotFoundException">The stream has no events.</exception>
    Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        string streamId,
        StreamReadOptions options,
        CancellationToken cancellationToken = default);

    /// <summary>The stream's current version; 0 when it has no events.</summary>
    Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default);
}
