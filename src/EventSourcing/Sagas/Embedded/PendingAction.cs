using System.Text.Json;

namespace EventSourcing.Sagas.Embedded;

/// <summary>An activity or timer the orchestrator asked for, and the task it awaits.</summary>
internal sealed record PendingAction(int Seq, ActionKind Kind, string Name, JsonElement? Input, DateTimeOffset? FireAt, ActivityRetryPolicy? Retry)
{
    public TaskCompletionSource<JsonElement?> Completion { get; } = new();

    public Task<JsonElement?> Task => Completion.Task;
}
