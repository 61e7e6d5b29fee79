using EventSourcing.Store;

namespace EventSourcing.Projections;

/// <summary>Whether a generation answers reads or is being built to replace the one that does.</summary>
public enum GenerationState
{
    Active,
    Building,
}

/// <summary>One generation of a projection: a full copy of its documents built from the feed.</summary>
/// <param name="Checkpoint">Position of the last event applied or parked; 0 before the first.</param>
/// <param name="UpdatedAt">When the checkpoint last moved (or the generation was created).</param>
public sealed record ProjectionGeneration(
    string Projection, int Generation, GenerationState State, long Checkpoint, DateTimeOffset UpdatedAt, int DeadLetters);

/// <summary>A stored document: its JSON (null once deleted) and, per stream that fed it, the last version applied.</summary>
/// <remarks>A deleted document stays as a tombstone so its versions still turn away redelivered events.</remarks>
public sealed record StoredDocument(string Key, string? Json, IReadOnlyDictionary<string, long> Versions, DateTimeOffset UpdatedAt);

/// <summary>An event a projection could not apply, with everything needed to retry it without the feed.</summary>
/// <param name="Error">Why it failed, or which earlier parked event of its stream it waits behind.</param>
/// <param name="Attempts">How many times applying it was tried.</param>
public sealed record DeadLetter(
    string Projection, int Generation, RecordedEvent Event, string Error, int Attempts, DateTimeOffset ParkedAt)
{
    /// <summary>The event's global position.</summary>
    public long Position => Event.Position ?? 0;
}

/// <summary>What one page (or one retry) changes, committed all or nothing.</summary>
/// <param name="Checkpoint">The new checkpoint, or null to leave it where it is.</param>
/// <param name="Documents">Documents to write, tombstones included.</param>
/// <param name="Parked">Dead letters to add or update (by position).</param>
/// <param name="Released">Positions of dead letters to remove.</param>
public sealed record ProjectionChanges(
    string Projection,
    int Generation,
    long? Checkpoint,
    IReadOnlyList<StoredDocument> Documents,
    IReadOnlyList<DeadLetter> Parked,
    IReadOnlyList<long> Released,
    DateTimeOffset At);
