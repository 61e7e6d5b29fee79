namespace EventSourcing.Store;

/// <summary>A read asked for a stream that has no events.</summary>
public sealed class StreamNotFoundException(string streamId)
    : EventStoreException($"Stream '{streamId}' does not exist.")
{
    /// <summary>The stream asked for.</summary>
    public string StreamId { get; } = streamId;
}
