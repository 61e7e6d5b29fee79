namespace EventSourcing.Sagas.History;

public sealed record OrchestrationFailed(string ErrorType, string ErrorMessage, DateTimeOffset At) : HistoryEvent(At);
