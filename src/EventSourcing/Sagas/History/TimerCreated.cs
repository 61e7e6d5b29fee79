namespace EventSourcing.Sagas.History;

/// <summary>The orchestrator started a durable timer.</summary>
/// <param name="Seq">Numbers the activity or timer among the instance's activities and timers, in the order asked for.</param>
/// <param name="FireAt">When it is due.</param>
public sealed record TimerCreated(int Seq, DateTimeOffset FireAt, DateTimeOffset At) : HistoryEvent(At);
