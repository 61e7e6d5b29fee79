namespace EventSourcing.Projections;

/// <summary>A signal waiters take before checking a condition and await after, so no pulse between the two is lost.</summary>
internal sealed class ProgressSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
