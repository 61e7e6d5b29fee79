using System.Text.Json;

namespace EventSourcing.Sagas.History;

/// <summary>The instance started: always its first history event.</summary>
/// <param name="Name">The orchestrator that runs it.</param>
/// <param name="Input">The input, as JSON.</param>
/// <param name="CorrelationId">The request or workflow that started it; every later history event carries it.</param>
/// <param name="CausationId">The message (e.g. event id) that caused the start.</param>
public sealed record OrchestrationStarted(string Name, JsonElement? Input, string? CorrelationId, string? CausationId, DateTimeOffset At)
    : HistoryEvent(At);
