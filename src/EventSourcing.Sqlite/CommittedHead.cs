namespace EventSourcing.Sqlite;

/// <summary>The highest position committed, and a signal followers await instead of polling the feed.</summary>
internal sealed class CommittedHead
{
    private long _head;
    // Swapped on every move; waiters take it before reading the head, so no move between the two is missed.
    private TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Moves the head forward (never back) and wakes whoever waits.</summary>
    public void MoveTo(long head)
    {
        if (head <= Interlocked.Read(ref _head)) return;
        Interlocked.Exchange(ref _head, head);
        Interlocked.Exchange(ref _committed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Completes once the head has moved past <paramref name="afterPosition"/>.</summary>
    public async Task WaitPastAsync(long afterPosition, CancellationToken cancellationToken)
    {
        while (true)
        {
            var committed = Volatile.Read(ref _committed).Task;
            if (Interlocked.Read(ref _head) > afterPosition) return;
            await committed.WaitAsync(cancellationToken);
        }
    }
}
