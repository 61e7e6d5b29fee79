namespace EventSourcing.Http.Pipeline;

/// <summary>422: an idempotency key sent again with a different request.</summary>
/// <param name="key">The client's Idempotency-Key.</param>
public sealed class IdempotencyKeyReusedException(string key)
    : Exception($"Idempotency-Key '{key}' was already used with a different request.");
