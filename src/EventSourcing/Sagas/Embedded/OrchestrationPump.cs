namespace EventSourcing.Sagas.Embedded;

/// <summary>
/// Runs an orchestrator on one thread, one continuation at a time, in the order its tasks complete. The runner
/// completes those tasks in history order and drains the pump after each, so a replay takes the same path as the
/// first run, including which task of a <c>Task.WhenAny</c> won.
/// </summary>
internal sealed class OrchestrationPump : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_queue) _queue.Enqueue((d, state));
    }

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs continuations until the orchestrator waits on something not yet complete.</summary>
    public void Drain()
    {
        while (true)
        {
            (SendOrPostCallback Callback, object? State) next;
            lock (_queue)
            {
                if (_queue.Count == 0) return;
                next = _queue.Dequeue();
            }
            next.Callback(next.State);
        }
    }

    /// <summary>Runs <paramref name="action"/> with this pump as the synchronization context, then drains it.</summary>
    public void Run(Action action)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            action();
            Drain();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
