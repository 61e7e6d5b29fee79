namespace EventSourcing.Http.Pipeline;

/// <summary>409: an Idempotency-Key whose first request is still running (and did not answer within the wait).</summary>
/// <param name="key">The client's Idempotency-Key.</param>
public sealed class IdempotencyKeyInProgressException(string key)
    : Exception($"A request with Idempotency-Key '{key}' is still in progress; retry with the same key to get its answer.");
