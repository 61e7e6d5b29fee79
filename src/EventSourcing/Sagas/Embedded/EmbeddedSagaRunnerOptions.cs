namespace EventSourcing.Sagas.Embedded;

/// <summary>How the embedded runner behaves.</summary>
public sealed record EmbeddedSagaRunnerOptions
{
    /// <summary>The clock for history times and durable timers.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How many instances replay at once. A replay is short CPU work then a wait for a commit, so many share a core.</summary>
    public int Workers { get; init; } = 64;

    /// <summary>How long to wait before trying again after the store failed under a step.</summary>
    public TimeSpan FaultDelay { get; init; } = TimeSpan.FromSeconds(1);
}
