namespace EventSourcing.Snapshots;

/// <summary>How one kind of state is snapshotted.</summary>
/// <param name="StateType">Declared name of the state's shape.</param>
/// <param name="SchemaVersion">Bump it whenever the state's shape changes: older snapshots are then ignored.</param>
/// <param name="Policy">When to take one.</param>
public sealed record SnapshotOptions(string StateType, int SchemaVersion, SnapshotPolicy Policy);
