using EventSourcing.Deciders;

namespace BankAccounts.Tests.Support;

/// <summary>Given / When / Then for a pure decider: fold the history, decide the command, compare the new events. No store.</summary>
public sealed class DeciderSpec<TCommand, TEvent, TState>(Decider<TCommand, TEvent, TState> decider)
    where TEvent : notnull
{
    public Scenario Given(params TEvent[] history) => new(decider, history);

    public sealed class Scenario(Decider<TCommand, TEvent, TState> decider, IReadOnlyList<TEvent> history)
    {
        public TState State => decider.Fold(decider.Initial, history);

        public Outcome When(TCommand command) => new(() => decider.Decide(command, State));
    }

    public sealed class Outcome(Func<IReadOnlyList<TEvent>> decide)
    {
        public void Then(params TEvent[] expected) => Assert.Equal(expected, decide());

        /// <summary>Accepted, and changes nothing: a retry is safe.</summary>
        public void ThenNothing() => Then();

        /// <summary>Refused with <paramref name="code"/>: the rule's code, or the offending field of an invalid command.</summary>
        public void ThenFails<TException>(string code) where TException : Exception
        {
            var error = Assert.Throws<TException>(() => decide());
            switch (error)
            {
                case DomainRuleViolationException rule: Assert.Equal(code, rule.Code); break;
                case CommandValidationException invalid: Assert.Equal([code], invalid.Errors.Keys); break;
                default: Assert.Fail($"{typeof(TException).Name} carries no code to compare with '{code}'."); break;
            }
        }
    }
}
