namespace EventSourcing.Cosmos.Projections;

/// <summary>How the change-feed processor that feeds the dispatcher runs.</summary>
public sealed record ChangeFeedProjectionOptions
{
    /// <summary>The processor's name: its leases and estimator are keyed by it. A new name starts over from <see cref="StartTime"/>.</summary>
    public string ProcessorName { get; init; } = "projections";

    /// <summary>This instance's name in the leases; instances of one processor share the partitions between them.</summary>
    public string InstanceName { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>How long the processor waits before asking a partition for changes again when it had none.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Most documents handed to the dispatcher at once.</summary>
    public int MaxItemsPerBatch { get; init; } = 100;

    /// <summary>Where a processor without leases starts; null: from the beginning of the container, so read models hold every event.</summary>
    public DateTime? StartTime { get; init; }

    /// <summary>How often a read-your-writes wait re-reads its document when this process has applied nothing meanwhile.</summary>
    public TimeSpan WaitPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Pause before starting the processor again after a failed start.</summary>
    public TimeSpan RestartDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether <see cref="ChangeFeedProjections.RebuildAsync"/> may start a rebuild: it needs this process to keep a
    /// processor per rebuilt generation running (<see cref="ChangeFeedProjections.RunAsync"/>), and the dispatcher to
    /// be given the generations store. False (a host whose processors are triggers, not long-running): 501.
    /// </summary>
    public bool RunsRebuilds { get; init; }

    /// <summary>How often a generation being built asks its estimator whether it caught up, to take over.</summary>
    public TimeSpan PromotionPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock for waits.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
