namespace EventSourcing.Snapshots;

/// <summary>A stream's folded state as of <paramref name="Version"/>, to skip re-reading older events.</summary>
/// <param name="StreamId">The stream whose state this is.</param>
/// <param name="Version">The last event folded into the state.</param>
/// <param name="StateType">The declared name of the state's shape.</param>
/// <param name="SchemaVersion">The shape version; a snapshot of another version is ignored, never misread.</param>
/// <param name="Data">UTF-8 JSON of the state.</param>
/// <param name="Timestamp">When the snapshot was taken, UTC.</param>
public sealed record Snapshot(
    string StreamId,
    long Version,
    string StateType,
    int SchemaVersion,
    ReadOnlyMemory<byte> Data,
    DateTimeOffset Timestamp);
