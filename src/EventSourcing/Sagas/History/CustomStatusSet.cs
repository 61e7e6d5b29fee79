using System.Text.Json;

namespace EventSourcing.Sagas.History;

/// <summary>The orchestrator set its custom status.</summary>
/// <param name="Status">The status, as JSON; null clears it.</param>
public sealed record CustomStatusSet(JsonElement? Status, DateTimeOffset At) : HistoryEvent(At);
