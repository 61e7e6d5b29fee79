using Microsoft.Extensions.Time.Testing;

namespace EventSourcing.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> (time moves only when the test advances it) that also counts its armed timers:
/// those created and not yet disposed. A <c>Task.Delay</c> on this clock disposes its timer once it completes or is
/// cancelled, so the count tells a test, without any sleep, that a component is waiting on the clock or has let go.
/// </summary>
public sealed class TimerCountingClock() : FakeTimeProvider(DateTimeOffset.UtcNow)
{
    private int _armed;

    /// <summary>Timers created on this clock and not disposed yet.</summary>
    public int Armed => Volatile.Read(ref _armed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _armed);
        return new CountedTimer(base.CreateTimer(callback, state, dueTime, period), this);
    }

    /// <summary>Waits (real time, up to <paramref name="seconds"/>; a bound on failure only) until exactly <paramref name="count"/> timers are armed.</summary>
    public async Task UntilArmed(int count, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (Armed != count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{Armed} timers are armed on the clock, not {count}, after {seconds} s");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    private sealed class CountedTimer(ITimer inner, TimerCountingClock clock) : ITimer
    {
        private int _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) Interlocked.Decrement(ref clock._armed);
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
