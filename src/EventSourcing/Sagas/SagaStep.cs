namespace EventSourcing.Sagas;

/// <summary>One step of a saga: an activity with its outcome, a timer, or an event it received.</summary>
/// <param name="Kind">"activity", "timer" or "event".</param>
/// <param name="Status">"scheduled", "completed" or "failed" for activities; "created" or "fired" for timers; "raised" for events.</param>
/// <param name="At">When the step began, or when it ended once it has (completed, failed, fired).</param>
/// <param name="DueAt">For a timer, when it was due to fire: a timer still "created" in a finished saga lost its race.</param>
public sealed record SagaStep(string Kind, string Name, string Status, DateTimeOffset At, string? Error = null, DateTimeOffset? DueAt = null);
