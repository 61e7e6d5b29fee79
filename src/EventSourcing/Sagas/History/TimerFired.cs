namespace EventSourcing.Sagas.History;

public sealed record TimerFired(int Seq, DateTimeOffset At) : HistoryEvent(At);
