namespace EventSourcing.Store;

/// <summary>A stream id that no store accepts.</summary>
public sealed class InvalidStreamIdException(string streamId, string reason)
    : EventStoreException($"Stream id '{streamId}' is invalid: {reason}")
{
    public string StreamId { get; } = streamId;
    public string Reason { get; } = reason;
}
