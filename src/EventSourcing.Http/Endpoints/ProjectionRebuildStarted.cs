namespace EventSourcing.Http.Endpoints;

/// <summary>202 to a rebuild: the projection rebuilds into <paramref name="Version"/> while the old version serves.</summary>
/// <param name="Name">The projection.</param>
/// <param name="Version">The version it rebuilds into; it takes over when it has caught up.</param>
/// <param name="StatusUrl">Where to follow it (GET /api/projections).</param>
public sealed record ProjectionRebuildStarted(string Name, int Version, string StatusUrl);
