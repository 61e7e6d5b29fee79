namespace EventSourcing.Sagas.History;

/// <summary>A durable timer fired.</summary>
/// <param name="Seq">Numbers the activity or timer among the instance's activities and timers, in the order asked for.</param>
public sealed record TimerFired(int Seq, DateTimeOffset At) : HistoryEvent(At);
