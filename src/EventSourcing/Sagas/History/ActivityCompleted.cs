using System.Text.Json;

namespace EventSourcing.Sagas.History;

public sealed record ActivityCompleted(int Seq, JsonElement? Result, DateTimeOffset At) : HistoryEvent(At);
