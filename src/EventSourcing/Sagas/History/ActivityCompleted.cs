using System.Text.Json;

namespace EventSourcing.Sagas.History;

/// <summary>An activity finished.</summary>
/// <param name="Seq">Numbers the activity or timer among the instance's activities and timers, in the order asked for.</param>
/// <param name="Result">What it returned, as JSON; null for none.</param>
public sealed record ActivityCompleted(int Seq, JsonElement? Result, DateTimeOffset At) : HistoryEvent(At);
