namespace EventSourcing.Store;

/// <summary>
/// The store cannot tell whether the append committed (an ambiguous timeout, a COMMIT whose answer was lost).
/// Unlike every <see cref="EventStoreException"/>, something may have been written: retry the same append
/// (same event ids) or the same request (same Idempotency-Key), which recognises what did commit.
/// </summary>
public sealed class AppendOutcomeUnknownException(string streamId, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The stream the append was for.</summary>
    public string StreamId { get; } = streamId;
}
