namespace EventSourcing.Diagnostics;

/// <summary>Pauses that double from <see cref="First"/> up to <see cref="Max"/>: how every retrying loop waits between tries.</summary>
public sealed record Backoff(TimeSpan First, TimeSpan Max)
{
    /// <summary>One second, doubling up to a minute.</summary>
    public static Backoff Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

    /// <summary>The pause after the <paramref name="failures"/>-th failure in a row (1 for the first).</summary>
    public TimeSpan After(int failures)
    {
        if (failures <= 1 || First <= TimeSpan.Zero) return First < Max ? First : Max;
        // Capped before it overflows: 2^30 seconds is decades.
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var ticks = First.Ticks * factor;
        return ticks >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ticks);
    }
}
