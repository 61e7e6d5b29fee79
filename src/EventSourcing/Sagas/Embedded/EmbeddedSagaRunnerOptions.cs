namespace EventSourcing.Sagas.Embedded;

/// <summary>How the embedded runner behaves.</summary>
public sealed record EmbeddedSagaRunnerOptions
{
    /// <summary>The clock for history times and durable timers.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How many instances replay at once.</summary>
    public int Workers { get; init; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>How long to wait before trying again after the store failed under a step.</summary>
    public TimeSpan FaultDelay { get; init; } = TimeSpan.FromSeconds(1);
}
