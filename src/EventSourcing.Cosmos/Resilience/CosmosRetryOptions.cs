namespace EventSourcing.Cosmos.Resilience;

/// <summary>How transient Cosmos faults are retried: a bounded number of times, honouring retry-after.</summary>
public sealed record CosmosRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>First backoff when the service gives no retry-after; it doubles each time (with jitter).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest single wait, retry-after included.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock the waits run on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
