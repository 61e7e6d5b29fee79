namespace EventSourcing.Store;

/// <summary>The stream was not at the version the writer expected.</summary>
public sealed class WrongExpectedVersionException(string streamId, ExpectedVersion expected, long actual)
    : EventStoreException($"Stream '{streamId}' was expected at version {expected} but is at version {actual}.")
{
    public string StreamId { get; } = streamId;
    public ExpectedVersion Expected { get; } = expected;
    public long Actual { get; } = actual;
}
