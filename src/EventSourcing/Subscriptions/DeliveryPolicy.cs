using EventSourcing.Diagnostics;

namespace EventSourcing.Subscriptions;

/// <summary>How a subscription hands events to its handler: how many keys at once, and how often and how patiently it tries before parking one.</summary>
public sealed record DeliveryPolicy
{
    /// <summary>Tries of the handler on one event before it is parked (at least 1).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The pauses between tries (on <see cref="TimeProvider"/>).</summary>
    public Backoff Backoff { get; init; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    /// <summary>How many keys are handled at once.</summary>
    public int MaxConcurrency { get; init; } = 32;

    /// <summary>The clock for pauses and parking times.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
