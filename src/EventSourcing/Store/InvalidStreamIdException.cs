namespace EventSourcing.Store;

/// <summary>A stream id that no store accepts.</summary>
public sealed class InvalidStreamIdException(string streamId, string reason)
    : EventStoreException($"Stream id '{streamId}' is invalid: {reason}")
{
    /// <summary>The id as given.</summary>
    public string StreamId { get; } = streamId;
    /// <summary>Which rule it breaks.</summary>
    public string Reason { get; } = reason;
}
