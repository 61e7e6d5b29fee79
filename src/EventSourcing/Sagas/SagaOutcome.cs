namespace EventSourcing.Sagas;

/// <summary>
/// What a saga returns: done, or undone by its compensations. Orchestration runtimes only know "completed";
/// status queries read this output to tell a completed saga from a compensated one.
/// </summary>
/// <param name="Compensated">True when the saga rolled back what it did.</param>
/// <param name="Reason">Why it compensated (payment failed, timed out, out of stock, cancelled).</param>
public sealed record SagaOutcome(bool Compensated, string? Reason = null)
{
    public static SagaOutcome Completed { get; } = new(false);

    public static SagaOutcome CompensatedBecause(string reason) => new(true, reason);
}
