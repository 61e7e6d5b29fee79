using EventSourcing.Snapshots;

namespace EventSourcing.Deciders;

/// <summary>How the command handler behaves.</summary>
/// <param name="MaxConflictRetries">How many times a conflict is retried from fresh state before it is reported.</param>
/// <param name="Snapshots">How state is snapshotted; null: never.</param>
public sealed record CommandHandlerOptions(int MaxConflictRetries = 5, SnapshotOptions? Snapshots = null);
