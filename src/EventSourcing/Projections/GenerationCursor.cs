namespace EventSourcing.Projections;

/// <summary>Where the runner is in one generation; replaced, never changed, so readers need no lock.</summary>
internal sealed record GenerationCursor(string Projection, int Generation, GenerationState State, long Checkpoint)
{
    public static GenerationCursor From(ProjectionGeneration generation) =>
        new(generation.Projection, generation.Generation, generation.State, generation.Checkpoint);

    public bool IsSameGeneration(GenerationCursor other) => Projection == other.Projection && Generation == other.Generation;
}
