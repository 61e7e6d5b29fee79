namespace EventSourcing.Sagas.History;

public sealed record ActivityFailed(int Seq, string ErrorType, string ErrorMessage, DateTimeOffset At) : HistoryEvent(At);
