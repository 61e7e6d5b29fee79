namespace EventSourcing.Sagas.History;

/// <summary>
/// An orchestration's history, stored as events of stream <c>saga-{instanceId}</c>. Each carries the time it was
/// recorded: replays take the orchestrator's clock from it. <c>Seq</c> numbers the activities and timers in the
/// order the orchestrator asked for them; a replay that asks differently is not deterministic.
/// </summary>
public abstract record HistoryEvent(DateTimeOffset At);
