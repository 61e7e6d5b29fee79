namespace EventSourcing.Cosmos.Projections.Generations;

/// <summary>
/// Which generation of a projection answers reads (<see cref="Active"/>) and which one is being filled from the start
/// of the change feed (<see cref="Building"/>, if any). With no record stored, generation 1 is active.
/// </summary>
public sealed record GenerationsRecord(string Projection, int Active, int? Building)
{
    /// <summary>What a projection that was never rebuilt has.</summary>
    public static GenerationsRecord Initial(string projection) => new(projection, 1, null);
}
