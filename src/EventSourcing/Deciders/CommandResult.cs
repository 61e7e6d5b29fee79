namespace EventSourcing.Deciders;

/// <summary>What handling a command did.</summary>
/// <param name="State">The state after the new events.</param>
/// <param name="Version">The stream version after the command (unchanged when it produced no events).</param>
/// <param name="Position">Global position of the last new event, where the store has one.</param>
/// <param name="Events">The events the command produced; empty when it changed nothing.</param>
public sealed record CommandResult<TState, TEvent>(TState State, long Version, long? Position, IReadOnlyList<TEvent> Events);
