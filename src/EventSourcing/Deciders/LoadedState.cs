namespace EventSourcing.Deciders;

/// <summary>A stream's folded state and the version it reflects (0: the stream has no events).</summary>
public sealed record LoadedState<TState>(TState State, long Version);
