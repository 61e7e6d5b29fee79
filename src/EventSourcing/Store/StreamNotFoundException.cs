namespace EventSourcing.Store;

/// <summary>A read asked for a stream that has no events.</summary>
public sealed class StreamNotFoundException(string streamId)
    : EventStoreException($"Stream '{streamId}' does not exist.")
{
    public string StreamId { get; } = streamId;
}
