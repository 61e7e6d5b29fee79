namespace EventSourcing.Sagas;

/// <summary>
/// How an activity is retried, as Durable's <c>RetryPolicy(maxNumberOfAttempts, firstRetryInterval, backoffCoefficient)</c>:
/// attempt n (from 2) waits <c>FirstRetryInterval * BackoffCoefficient^(n-2)</c>, capped by <see cref="MaxRetryInterval"/>.
/// </summary>
public sealed record ActivityRetryPolicy(int MaxAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient = 2.0)
{
    /// <summary>Run once, no retry.</summary>
    public static ActivityRetryPolicy None { get; } = new(1, TimeSpan.Zero);

    /// <summary>Longest wait between two attempts.</summary>
    public TimeSpan MaxRetryInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Exception types that are answers, not faults (a domain refusal): no retry. A list of types rather than a
    /// predicate because Durable only sees a failed activity's details, where it can test the type (IsCausedBy).
    /// </summary>
    public IReadOnlyList<Type> DoNotRetry { get; init; } = [];

    /// <summary>The wait before attempt <paramref name="attempt"/> (2 or more).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var delay = FirstRetryInterval.TotalMilliseconds * Math.Pow(BackoffCoefficient, Math.Max(0, attempt - 2));
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxRetryInterval.TotalMilliseconds));
    }

    /// <summary>Whether a failure of attempt <paramref name="attempt"/> is followed by another.</summary>
    public bool ShouldRetry(int attempt, Exception failure) => attempt < MaxAttempts && !DoNotRetry.Any(t => t.IsInstanceOfType(failure));
}
