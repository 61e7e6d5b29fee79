namespace EventSourcing.Store;

/// <summary>The outcome of a successful append.</summary>
/// <param name="StreamVersion">The stream's version after the append (the version of its last event).</param>
/// <param name="Position">The global position of the last appended event, where the store has one.</param>
public sealed record AppendResult(long StreamVersion, long? Position);
