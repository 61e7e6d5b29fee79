using System.Text.Json;

namespace EventSourcing.Sagas.History;

/// <summary>The orchestrator asked for an activity; recorded before the activity runs.</summary>
/// <param name="Seq">Numbers the activity or timer among the instance's activities and timers, in the order asked for.</param>
/// <param name="Name">The activity.</param>
/// <param name="Input">Its input, as JSON.</param>
public sealed record ActivityScheduled(int Seq, string Name, JsonElement? Input, DateTimeOffset At) : HistoryEvent(At);
