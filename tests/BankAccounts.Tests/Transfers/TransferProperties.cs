using BankAccounts.Transfers;
using EventSourcing.Deciders;
using FsCheck;
using FsCheck.Fluent;

namespace BankAccounts.Tests.Transfers;

/// <summary>The saga and clients retry: a transfer command repeated on the state it left adds nothing, and a transfer ends once.</summary>
public sealed class TransferProperties
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static Arbitrary<TransferCommand[]> Commands { get; } = Gen.Frequency(
        (2, from amount in Gen.Elements(0m, 5m, 25m) from to in Gen.Elements("bob", "alice") from currency in Gen.Elements("EUR", "USD")
            select (TransferCommand)new RequestTransfer("t1", "alice", to, amount, currency, At)),
        (2, Gen.Constant((TransferCommand)new CompleteTransfer("t1", At))),
        (2, Gen.Elements("", "refused", "closed").Select(reason => (TransferCommand)new FailTransfer("t1", reason, At))))
        .ArrayOf().ToArbitrary();

    [Fact]
    public void A_transfer_command_repeated_on_the_state_it_left_adds_nothing_and_the_outcome_never_changes() =>
        Prop.ForAll(Commands, commands =>
        {
            var state = TransferState.Initial;
            TransferStatus? ended = null;
            foreach (var command in commands)
            {
                try { state = TransferDecider.Decider.Fold(state, TransferDecider.Decide(command, state)); }
                catch (Exception e) when (e is DomainRuleViolationException or CommandValidationException) { continue; }
                Assert.Empty(TransferDecider.Decide(command, state));
                if (ended is { } outcome) Assert.Equal(outcome, state.Status);
                if (state.Status is TransferStatus.Completed or TransferStatus.Failed) ended = state.Status;
            }
        }).QuickCheckThrowOnFailure();
}
