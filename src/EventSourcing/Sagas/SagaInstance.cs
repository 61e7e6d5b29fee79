using System.Text.Json;

namespace EventSourcing.Sagas;

/// <summary>A saga instance as status queries show it (GET /api/sagas/{sagaId}).</summary>
/// <param name="Steps">Every activity, timer and raised event in the order they happened.</param>
/// <param name="CustomStatus">The last value the orchestrator set, as JSON.</param>
/// <param name="Reason">Why it compensated or failed.</param>
public sealed record SagaInstance(
    string SagaId,
    string Name,
    SagaStatus Status,
    IReadOnlyList<SagaStep> Steps,
    JsonElement? CustomStatus,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
