using System.Text.Json;

namespace EventSourcing.Sagas.History;

public sealed record OrchestrationCompleted(JsonElement? Output, DateTimeOffset At) : HistoryEvent(At);
