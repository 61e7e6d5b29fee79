namespace EventSourcing.Cosmos.Projections;

/// <summary>How the change-feed dispatcher applies a batch.</summary>
public sealed record ChangeFeedDispatcherOptions
{
    /// <summary>Streams of one batch applied at the same time; each stream's events stay in order.</summary>
    public int MaxParallelStreams { get; init; } = 8;

    /// <summary>
    /// Pause before trying a storage call again once the Cosmos client's own bounded retries gave up. The dispatcher
    /// keeps trying until it succeeds or is cancelled: a batch is never acknowledged with an event neither applied nor parked.
    /// </summary>
    public TimeSpan ErrorDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Rounds of reload-and-reapply after losing an ETag race before pausing <see cref="ErrorDelay"/> between rounds.</summary>
    public int ConflictRoundsBeforePause { get; init; } = 10;

    /// <summary>How long a projection's generations record is trusted before it is read again (see <see cref="Generations.GenerationResolver"/>).</summary>
    public TimeSpan GenerationCacheDuration { get; init; } = Generations.GenerationResolver.DefaultCacheDuration;

    /// <summary>
    /// False (default): a projection rebuilt past generation 1 is left to its generation's own processor, which the host
    /// that rebuilt it keeps running. True, for a host fed by Functions triggers, which runs no such processor: this
    /// dispatcher writes the active generation itself (next to that processor while one runs; the per-stream version guard
    /// makes the double delivery harmless), so a rebuilt read model stays current with no rebuilding host running.
    /// </summary>
    public bool WritesActiveGeneration { get; init; }

    /// <summary>The clock of timestamps and pauses.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
