using EventSourcing.Cosmos.Resilience;
using EventSourcing.Store;

namespace EventSourcing.Cosmos.Store;

/// <summary>How the Cosmos event store appends and retries.</summary>
public sealed record CosmosEventStoreOptions
{
    /// <summary>Size limits of one append, checked before anything is read or sent (the batch itself is measured too).</summary>
    public AppendLimits Limits { get; init; } = AppendLimits.Default;

    /// <summary>Where event ids must be unique; <see cref="EventIdScope.Store"/> (the contract's rule) by default.</summary>
    public EventIdScope EventIds { get; init; } = EventIdScope.Store;

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
