using EventSourcing.Store;

namespace EventSourcing.Sqlite;

/// <summary>An append waiting for the next group commit.</summary>
internal sealed record PendingAppend(string StreamId, ExpectedVersion Expected, IReadOnlyList<EventData> Events) : WriterRequest
{
    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
