namespace EventSourcing.Cosmos.Projections.Generations;

/// <summary>A record as stored, with the ETag its next write must match (null: not stored yet, so create it).</summary>
public sealed record StoredGenerations(GenerationsRecord Record, string? ETag);
