using System.Text.Json;

namespace EventSourcing.Sagas;

/// <summary>Where a saga instance is in its life.</summary>
public enum SagaStatus
{
    Running,
    Completed,
    Compensated,
    Failed,
}

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

/// <summary>One step of a saga: an activity with its outcome, a timer, or an event it received.</summary>
/// <param name="Kind">"activity", "timer" or "event".</param>
/// <param name="Status">"scheduled", "completed" or "failed" for activities; "created" or "fired" for timers; "raised" for events.</param>
/// <param name="At">When the step began, or when it ended once it has (completed, failed, fired).</param>
/// <param name="DueAt">For a timer, when it was due to fire: a timer still "created" in a finished saga lost its race.</param>
public sealed record SagaStep(string Kind, string Name, string Status, DateTimeOffset At, string? Error = null, DateTimeOffset? DueAt = null);
