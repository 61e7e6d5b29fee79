using BankAccounts.Accounts;
using EventSourcing.Deciders;
using static BankAccounts.Tests.Accounts.AccountHistory;

namespace BankAccounts.Tests.Accounts;

public sealed class DepositAndWithdrawTests
{
    [Fact]
    public void A_deposit_is_recorded() =>
        Account.Given(Opened).When(new Deposit(Id, 20m, At)).Then(Deposited(20m));

    #region overdraft-tests
    [Fact]
    public void A_withdrawal_may_go_into_the_overdraft_up_to_its_limit() =>
        Account.Given(Opened, Deposited(50m)).When(new Withdraw(Id, 150m, At)).Then(new MoneyWithdrawn(Id, 150m, At));

    [Fact]
    public void A_withdrawal_past_the_overdraft_limit_is_refused() =>
        Account.Given(Opened, Deposited(50m)).When(new Withdraw(Id, 150.01m, At)).ThenFails<DomainRuleViolationException>("overdraft-limit-exceeded");
    #endregion

    [Fact]
    public void Money_held_for_a_transfer_counts_against_the_overdraft() =>
        Account.Given(Opened, Deposited(50m), Debited("t1", 100m)).When(new Withdraw(Id, 51m, At)).ThenFails<DomainRuleViolationException>("overdraft-limit-exceeded");

    [Fact]
    public void The_state_shows_the_balance_and_what_can_still_be_paid_out()
    {
        var state = Account.Given(Opened, Deposited(50m), new MoneyWithdrawn(Id, 80m, At)).State;
        Assert.Equal((-30m, 70m), (state.Balance, state.Available));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(0.001)]
    public void An_amount_must_be_positive_with_at_most_two_decimals(decimal amount) =>
        Account.Given(Opened).When(new Deposit(Id, amount, At)).ThenFails<CommandValidationException>("amount");

    [Fact]
    public void A_closed_account_takes_no_deposit() =>
        Account.Given(Opened, Closed).When(new Deposit(Id, 1m, At)).ThenFails<DomainRuleViolationException>("account-closed");

    [Fact]
    public void A_closed_account_pays_nothing_out() =>
        Account.Given(Opened, Closed).When(new Withdraw(Id, 1m, At)).ThenFails<DomainRuleViolationException>("account-closed");

    [Fact]
    public void An_account_never_opened_takes_no_deposit() =>
        Account.Given().When(new Deposit(Id, 1m, At)).ThenFails<DomainRuleViolationException>("account-not-found");
}
