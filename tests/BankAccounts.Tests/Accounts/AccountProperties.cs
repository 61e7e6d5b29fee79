using BankAccounts.Accounts;
using EventSourcing.Deciders;
using FsCheck;
using FsCheck.Fluent;

namespace BankAccounts.Tests.Accounts;

/// <summary>Whatever commands arrive, in whatever order: the overdraft holds, and a repeated transfer step adds nothing.</summary>
public sealed class AccountProperties
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Gen<decimal> Amounts = Gen.Elements(0m, 10m, 45.5m, 120m);
    private static readonly Gen<string> Transfers = Gen.Elements("t1", "t2", "t3");
    private static readonly Gen<string> Currencies = Gen.Elements("EUR", "EUR", "USD");

    private static Arbitrary<AccountCommand[]> Commands { get; } = Gen.Frequency(
        (1, Gen.Elements(0m, 50m).Select(limit => (AccountCommand)new OpenAccount("a", "Alice", "EUR", limit, At))),
        (3, Amounts.Select(amount => (AccountCommand)new Deposit("a", amount, At))),
        (3, Amounts.Select(amount => (AccountCommand)new Withdraw("a", amount, At))),
        (3, from t in Transfers from amount in Amounts from currency in Currencies select (AccountCommand)new DebitTransfer("a", t, "b", amount, currency, At)),
        (2, from t in Transfers from amount in Amounts from currency in Currencies select (AccountCommand)new CreditTransfer("a", t, "b", amount, currency, At)),
        (2, Transfers.Select(t => (AccountCommand)new RefundTransfer("a", t, "refused", At))),
        (2, Transfers.Select(t => (AccountCommand)new SettleTransfer("a", t, At))),
        (1, Gen.Constant((AccountCommand)new CloseAccount("a", At))))
        .ArrayOf().ToArbitrary();

    [Fact]
    public void The_balance_never_goes_below_the_overdraft_limit() =>
        Prop.ForAll(Commands, commands =>
        {
            foreach (var (_, state) in Run(commands)) Assert.True(state.Balance >= -state.OverdraftLimit, $"balance {state.Balance}, limit {state.OverdraftLimit}");
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_transfer_step_or_a_close_repeated_on_the_state_it_left_adds_nothing() =>
        Prop.ForAll(Commands, commands =>
        {
            foreach (var (command, state) in Run(commands))
                if (command is not (Deposit or Withdraw)) Assert.Empty(AccountDecider.Decide(command, state));
        }).QuickCheckThrowOnFailure();

    /// <summary>Each accepted command with the state it left; a refused one leaves no trace, as with the command handler.</summary>
    private static List<(AccountCommand Command, AccountState After)> Run(IEnumerable<AccountCommand> commands)
    {
        var (state, steps) = (AccountState.Initial, new List<(AccountCommand, AccountState)>());
        foreach (var command in commands)
        {
            try { state = AccountDecider.Decider.Fold(state, AccountDecider.Decide(command, state)); }
            catch (Exception e) when (e is DomainRuleViolationException or CommandValidationException) { continue; }
            steps.Add((command, state));
        }
        return steps;
    }
}
