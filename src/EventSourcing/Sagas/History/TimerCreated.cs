namespace EventSourcing.Sagas.History;

public sealed record TimerCreated(int Seq, DateTimeOffset FireAt, DateTimeOffset At) : HistoryEvent(At);
