using EventSourcing.Deciders;

namespace Ordering.Tests.Support;

/// <summary>One accepted command of a run: the events it produced and the state they left.</summary>
public sealed record Step<TCommand, TEvent, TState>(TCommand Command, IReadOnlyList<TEvent> Events, TState After);

public static class CommandRun
{
    /// <summary>
    /// Decides each command on the state the accepted ones left. A refused command leaves no trace,
    /// as with the command handler; any other exception is a bug and escapes.
    /// </summary>
    public static List<Step<TCommand, TEvent, TState>> Run<TCommand, TEvent, TState>(
        this Decider<TCommand, TEvent, TState> decider, IEnumerable<TCommand> commands)
    {
        var (state, steps) = (decider.Initial, new List<Step<TCommand, TEvent, TState>>());
        foreach (var command in commands)
        {
            IReadOnlyList<TEvent> events;
            try { events = decider.Decide(command, state); }
            catch (DomainRuleViolationException) { continue; }
            catch (CommandValidationException) { continue; }
            state = decider.Fold(state, events);
            steps.Add(new(command, events, state));
        }
        return steps;
    }
}
