namespace EventSourcing.Projections;

/// <summary>One generation of a projection: a full copy of its documents built from the feed.</summary>
/// <param name="Checkpoint">Position of the last event applied or parked; 0 before the first.</param>
/// <param name="UpdatedAt">When the checkpoint last moved (or the generation was created).</param>
public sealed record ProjectionGeneration(
    string Projection, int Generation, GenerationState State, long Checkpoint, DateTimeOffset UpdatedAt, int DeadLetters);
