using System.Text.Json;

namespace EventSourcing.Sagas.History;

public sealed record CustomStatusSet(JsonElement? Status, DateTimeOffset At) : HistoryEvent(At);
