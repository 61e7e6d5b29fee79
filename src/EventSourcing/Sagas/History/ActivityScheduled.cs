using System.Text.Json;

namespace EventSourcing.Sagas.History;

public sealed record ActivityScheduled(int Seq, string Name, JsonElement? Input, DateTimeOffset At) : HistoryEvent(At);
