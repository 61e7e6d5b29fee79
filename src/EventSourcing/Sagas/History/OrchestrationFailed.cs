namespace EventSourcing.Sagas.History;

/// <summary>The orchestrator threw (or could not be replayed): the instance is finished and will not run again.</summary>
/// <param name="ErrorType">The full name of the exception type.</param>
/// <param name="ErrorMessage">The exception's message.</param>
public sealed record OrchestrationFailed(string ErrorType, string ErrorMessage, DateTimeOffset At) : HistoryEvent(At);
