using System.Text.Json;

namespace EventSourcing.Sagas.History;

/// <summary>An external event reached the instance; kept until the orchestrator waits for it.</summary>
/// <param name="Name">The event name the orchestrator waits for.</param>
/// <param name="Payload">Its payload, as JSON.</param>
public sealed record EventRaised(string Name, JsonElement? Payload, DateTimeOffset At) : HistoryEvent(At);
