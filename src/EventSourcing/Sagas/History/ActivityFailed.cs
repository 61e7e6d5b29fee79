namespace EventSourcing.Sagas.History;

/// <summary>An activity failed after its retries; the orchestrator sees an <see cref="ActivityFailedException"/>.</summary>
/// <param name="Seq">Numbers the activity or timer among the instance's activities and timers, in the order asked for.</param>
/// <param name="ErrorType">The full name of the exception type.</param>
/// <param name="ErrorMessage">The exception's message.</param>
public sealed record ActivityFailed(int Seq, string ErrorType, string ErrorMessage, DateTimeOffset At) : HistoryEvent(At);
