namespace EventSourcing.Cosmos.Projections.Generations;

/// <summary>A generation of a projection that needs a change-feed processor of its own.</summary>
public readonly record struct GenerationKey(string Projection, int Generation);
