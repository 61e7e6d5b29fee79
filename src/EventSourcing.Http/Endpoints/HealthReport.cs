namespace EventSourcing.Http.Endpoints;

/// <summary>What GET /api/health answers, healthy (200) or not (503).</summary>
/// <param name="Status"><c>Healthy</c> or <c>Unhealthy</c>.</param>
/// <param name="Store"><c>reachable</c>, <c>unreachable</c>, or <c>not-writable</c> while appends fail on the disk.</param>
/// <param name="Error">Unhealthy only: the failure's type, or <c>store-unavailable</c> for a store that cannot write.</param>
/// <param name="Detail">Not writable only: what the store reports about the fault.</param>
public sealed record HealthReport(string Status, string Store, string? Error = null, string? Detail = null);
