using EventSourcing.Cosmos.Resilience;
using EventSourcing.Store;

namespace EventSourcing.Cosmos.Store;

/// <summary>How the Cosmos event store appends and retries.</summary>
public sealed record CosmosEventStoreOptions
{
    /// <summary>Size limits of one append, checked before anything is read or sent (the batch itself is measured too).</summary>
    public AppendLimits Limits { get; init; } = AppendLimits.Default;

    /// <summary>
    /// Where and when appends look up their event ids: <see cref="EventIdScope.Stream"/> by default (inside the stream's
    /// partition, only where the answer can change the outcome); <see cref="EventIdScope.Store"/> opts in to the
    /// contract's store-wide check before every append, at a cost that grows with the container's partitions.
    /// </summary>
    public EventIdScope EventIds { get; init; } = EventIdScope.Stream;

    /// <summary>
    /// Rounds of read-tip, decide, write an append may take when other writers keep moving the tip (or a snapshot
    /// save races it). Only <see cref="ExpectedVersion.Any"/> and <see cref="ExpectedVersion.StreamExists"/> appends
    /// ever need more than one; exact expectations report the conflict at once.
    /// </summary>
    public int MaxAppendRounds { get; init; } = 20;

    /// <summary>Transient-fault retries of each Cosmos call.</summary>
    public CosmosRetryOptions Retry { get; init; } = new();

    /// <summary>The clock that stamps commits.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
