namespace EventSourcing.Sagas;

/// <summary>Which instances a listing asks for (GET /api/sagas).</summary>
/// <param name="Status">Only instances in this status; every status when null.</param>
/// <param name="MaxCount">At most this many instances in the page.</param>
/// <param name="ContinuationToken">Where the previous page stopped; null for the first page.</param>
public sealed record SagaQuery(SagaStatus? Status, int MaxCount, string? ContinuationToken = null);
