namespace EventSourcing.Projections;

/// <summary>How the projection runner reads the feed and waits for it.</summary>
public sealed record ProjectionRunnerOptions
{
    /// <summary>Most events read, applied and committed as one transaction per generation.</summary>
    public int PageSize { get; init; } = 256;

    /// <summary>
    /// How long an idle runner waits before looking at the feed again when no new-event notification arrives;
    /// a fallback only, since the feed wakes it as soon as events commit.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Pause after a storage failure before the runner tries again.</summary>
    public TimeSpan ErrorDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock for timestamps, waits and timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
