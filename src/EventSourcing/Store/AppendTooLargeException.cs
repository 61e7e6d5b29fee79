namespace EventSourcing.Store;

/// <summary>An append over the store's limits on event count or bytes.</summary>
public sealed class AppendTooLargeException(string streamId, int eventCount, long bytes, AppendLimits limits)
    : EventStoreException(
        $"Append to '{streamId}' of {eventCount} events ({bytes} bytes) exceeds the limit of " +
        $"{limits.MaxEventsPerAppend} events and {limits.MaxBytesPerAppend} bytes.")
{
    /// <summary>The stream the append was for.</summary>
    public string StreamId { get; } = streamId;
    /// <summary>How many events the append carried.</summary>
    public int EventCount { get; } = eventCount;
    /// <summary>How many bytes of event data the append carried.</summary>
    public long Bytes { get; } = bytes;
}
