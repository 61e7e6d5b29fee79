using System.Text.Json;

namespace EventSourcing.Sagas.History;

public sealed record OrchestrationStarted(string Name, JsonElement? Input, string? CorrelationId, string? CausationId, DateTimeOffset At)
    : HistoryEvent(At);
