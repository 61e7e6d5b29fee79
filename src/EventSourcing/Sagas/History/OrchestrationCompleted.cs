using System.Text.Json;

namespace EventSourcing.Sagas.History;

/// <summary>The orchestrator returned: the instance is finished.</summary>
/// <param name="Output">What it returned, as JSON.</param>
public sealed record OrchestrationCompleted(JsonElement? Output, DateTimeOffset At) : HistoryEvent(At);
