using System.Text.Json;

namespace EventSourcing.Sagas.History;

/// <summary>
/// An orchestration's history, stored as events of stream <c>saga-{instanceId}</c>. Each carries the time it was
/// recorded: replays take the orchestrator's clock from it. <c>Seq</c> numbers the activities and timers in the
/// order the orchestrator asked for them; a replay that asks differently is not deterministic.
/// </summary>
public abstract record HistoryEvent(DateTimeOffset At);

public sealed record OrchestrationStarted(string Name, JsonElement? Input, string? CorrelationId, string? CausationId, DateTimeOffset At)
    : HistoryEvent(At);

public sealed record ActivityScheduled(int Seq, string Name, JsonElement? Input, DateTimeOffset At) : HistoryEvent(At);

public sealed record ActivityCompleted(int Seq, JsonElement? Result, DateTimeOffset At) : HistoryEvent(At);

public sealed record ActivityFailed(int Seq, string ErrorType, string ErrorMessage, DateTimeOffset At) : HistoryEvent(At);

public sealed record TimerCreated(int Seq, DateTimeOffset FireAt, DateTimeOffset At) : HistoryEvent(At);

public sealed record TimerFired(int Seq, DateTimeOffset At) : HistoryEvent(At);

public sealed record EventRaised(string Name, JsonElement? Payload, DateTimeOffset At) : HistoryEvent(At);

public sealed record CustomStatusSet(JsonElement? Status, DateTimeOffset At) : HistoryEvent(At);

public sealed record OrchestrationCompleted(JsonElement? Output, DateTimeOffset At) : HistoryEvent(At);

public sealed record OrchestrationFailed(string ErrorType, string ErrorMessage, DateTimeOffset At) : HistoryEvent(At);
