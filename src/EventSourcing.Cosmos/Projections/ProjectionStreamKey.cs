namespace EventSourcing.Cosmos.Projections;

/// <summary>A projection and a stream: the unit whose events are applied in order and parked in order.</summary>
public readonly record struct ProjectionStreamKey(string Projection, string StreamId);
