namespace EventSourcing.Store;

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
