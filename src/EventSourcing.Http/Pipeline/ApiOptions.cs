namespace EventSourcing.Http.Pipeline;

/// <summary>Limits and windows of the HTTP API.</summary>
/// <param name="MaxBodyBytes">The largest request body accepted.</param>
/// <param name="IdempotencyWindow">How long a first response answers repeats of its Idempotency-Key (24 hours).</param>
/// <param name="IdempotencyLease">
/// How long a reserved key stays held when its request never answers (a crashed process): then a retry may run.
/// </param>
/// <param name="DuplicateWait">How long a concurrent duplicate waits for the first request's answer before 409.</param>
public sealed record ApiOptions(
    long MaxBodyBytes = 256 * 1024, TimeSpan? IdempotencyWindow = null, TimeSpan? IdempotencyLease = null, TimeSpan? DuplicateWait = null)
{
    /// <summary>The idempotency window in effect: <see cref="IdempotencyWindow"/>, or 24 hours.</summary>
    public TimeSpan Window => IdempotencyWindow ?? TimeSpan.FromHours(24);

    /// <summary>The reservation lease in effect: <see cref="IdempotencyLease"/>, or 2 minutes.</summary>
    public TimeSpan Lease => IdempotencyLease ?? TimeSpan.FromMinutes(2);

    /// <summary>The duplicate's wait in effect: <see cref="DuplicateWait"/>, or 10 seconds.</summary>
    public TimeSpan Wait => DuplicateWait ?? TimeSpan.FromSeconds(10);
}
