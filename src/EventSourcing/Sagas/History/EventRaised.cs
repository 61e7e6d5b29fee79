using System.Text.Json;

namespace EventSourcing.Sagas.History;

public sealed record EventRaised(string Name, JsonElement? Payload, DateTimeOffset At) : HistoryEvent(At);
