namespace EventSourcing.Deciders;

/// <summary>
/// A pure aggregate: <see cref="Decide"/> turns a command and the current state into new events,
/// <see cref="Evolve"/> folds one event into the state. No clock, no ids, no I/O: commands carry them.
/// </summary>
public sealed record Decider<TCommand, TEvent, TState>(
    Func<TCommand, TState, IReadOnlyList<TEvent>> Decide,
    Func<TState, TEvent, TState> Evolve,
    TState Initial)
{
    /// <summary>The state after <paramref name="events"/>, starting from <paramref name="state"/>.</summary>
    public TState Fold(TState state, IEnumerable<TEvent> events) => events.Aggregate(state, Evolve);
}
