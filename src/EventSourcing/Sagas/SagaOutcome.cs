namespace EventSourcing.Sagas;

/// <summary>
/// What a saga returns: done, or undone by its compensations. Orchestration runtimes only know "completed";
/// status queries read this output to tell a completed saga from a compensated one.
/// </summary>
/// <param name="Compensated">True when the saga rolled back what it did.</param>
/// <param name="Reason">Why it compensated (payment failed, timed out, out of stock, cancelled).</param>
public sealed record SagaOutcome(bool Compensated, string? Reason = null)
{
    /// <summary>The saga did what it set out to do.</summary>
    public static SagaOutcome Completed { get; } = new(false);

    /// <summary>The saga undid its steps for <paramref name="reason"/>.</summary>
    public static SagaOutcome CompensatedBecause(string reason) => new(true, reason);
}
