using EventSourcing.Deciders;

namespace Ordering.Tests.Support;

/// <summary>
/// Given / When / Then for a pure decider: fold the history, decide the command, compare the new events.
/// Domain tests go no further; nothing here touches a store.
/// </summary>
public sealed class DeciderSpec<TCommand, TEvent, TState>(Decider<TCommand, TEvent, TState> decider)
    where TEvent : notnull
{
    public Scenario Given(params TEvent[] history) => new(decider, history);

    public sealed class Scenario(Decider<TCommand, TEvent, TState> decider, IReadOnlyList<TEvent> history)
    {
        /// <summary>The state the history leaves, for assertions on Evolve itself.</summary>
        public TState State => decider.Fold(decider.Initial, history);

        public Outcome When(TCommand command) => new(() => decider.Decide(command, State));
    }

    public sealed class Outcome(Func<IReadOnlyList<TEvent>> decide)
    {
        public void Then(params TEvent[] expected)
        {
            var actual = decide();
            if (!Structural.Equal(expected, actual))
                Assert.Fail($"Expected events:\n{Structural.Show(expected)}\nbut the decider returned:\n{Structural.Show(actual)}");
        }

        /// <summary>The command is accepted and changes nothing: a retry is safe.</summary>
        public void ThenNothing() => Then();

        /// <summary>
        /// The command is refused with <paramref name="code"/>: the rule's code for a
        /// <see cref="DomainRuleViolationException"/>, the offending field for a <see cref="CommandValidationException"/>.
        /// </summary>
        public TException ThenFails<TException>(string code) where TException : Exception
        {
            var error = Assert.Throws<TException>(() => decide());
            switch (error)
            {
                case DomainRuleViolationException rule: Assert.Equal(code, rule.Code); break;
                case CommandValidationException invalid: Assert.Equal(new[] { code }, invalid.Errors.Keys); break;
                default: Assert.Fail($"{typeof(TException).Name} carries no code to compare with '{code}'."); break;
            }
            return error;
        }
    }
}
