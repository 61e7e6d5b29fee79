namespace EventSourcing.Cosmos.Projections.Dispatch;

/// <summary>When a dispatcher last finished a batch or a dead-letter retry, and a signal for the next one.</summary>
internal sealed class DispatchProgress(TimeProvider time)
{
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastDispatchedTicks;

    /// <summary>Completes when the next batch (or dead-letter retry) has been dispatched.</summary>
    public Task Next => Volatile.Read(ref _progress).Task;

    /// <summary>When the last batch finished, or null before the first.</summary>
    public DateTimeOffset? LastDispatchedAt =>
        Interlocked.Read(ref _lastDispatchedTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>A batch or retry has finished: completes <see cref="Next"/> and starts waiting for the one after.</summary>
    public void Progressed()
    {
        Interlocked.Exchange(ref _lastDispatchedTicks, time.GetUtcNow().UtcTicks);
        Interlocked.Exchange(ref _progress, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
