namespace EventSourcing.Cosmos.Projections.Generations;

/// <summary>What one generation of a projection reports: its processor's lag (null before it has leases) and its parked events.</summary>
public readonly record struct GenerationProgress(long? Lag, int DeadLetters);
