namespace EventSourcing.Store;

/// <summary>The stream was not at the version the writer expected.</summary>
public sealed class WrongExpectedVersionException(string streamId, ExpectedVersion expected, long actual)
    : EventStoreException($"Stream '{streamId}' was expected at version {expected} but is at version {actual}.")
{
    /// <summary>The stream the append was for.</summary>
    public string StreamId { get; } = streamId;
    /// <summary>What the caller expected.</summary>
    public ExpectedVersion Expected { get; } = expected;
    /// <summary>The stream's version when the append was refused (0: no stream).</summary>
    public long Actual { get; } = actual;
}
