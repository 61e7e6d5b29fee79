using BankAccounts.Accounts;
using EventSourcing.Deciders;
using static BankAccounts.Tests.Accounts.AccountHistory;

namespace BankAccounts.Tests.Accounts;

/// <summary>The account's side of a transfer: what the saga's steps ask and what each answers, repeats included.</summary>
public sealed class TransferStepTests
{
    [Fact]
    public void A_debit_within_the_overdraft_is_held_for_the_transfer() =>
        Account.Given(Opened, Deposited(10m))
            .When(new DebitTransfer(Id, "t1", "bob", 60m, "EUR", At))
            .Then(Debited("t1", 60m));

    [Fact]
    public void A_debit_past_the_overdraft_is_refused() =>
        Account.Given(Opened).When(new DebitTransfer(Id, "t1", "bob", 100.5m, "EUR", At)).ThenFails<DomainRuleViolationException>("overdraft-limit-exceeded");

    [Fact]
    public void A_debit_repeated_for_the_same_transfer_takes_nothing_more() =>
        Account.Given(Opened, Deposited(10m), Debited("t1", 60m)).When(new DebitTransfer(Id, "t1", "bob", 60m, "EUR", At)).ThenNothing();

    [Fact]
    public void A_debit_in_another_currency_is_refused() =>
        Account.Given(Opened, Deposited(10m)).When(new DebitTransfer(Id, "t1", "bob", 5m, "USD", At)).ThenFails<DomainRuleViolationException>("currency-mismatch");

    [Fact]
    public void A_credit_in_the_account_currency_is_recorded() =>
        Account.Given(Opened).When(new CreditTransfer(Id, "t1", "bob", 5m, "EUR", At)).Then(new TransferCredited(Id, "t1", "bob", 5m, At));

    [Fact]
    public void A_credit_repeated_for_the_same_transfer_adds_nothing() =>
        Account.Given(Opened, new TransferCredited(Id, "t1", "bob", 5m, At)).When(new CreditTransfer(Id, "t1", "bob", 5m, "EUR", At)).ThenNothing();

    [Theory]
    [InlineData("USD", "currency-mismatch")]
    public void A_credit_in_another_currency_is_refused(string currency, string code) =>
        Account.Given(Opened).When(new CreditTransfer(Id, "t1", "bob", 5m, currency, At)).ThenFails<DomainRuleViolationException>(code);

    [Fact]
    public void A_closed_account_takes_no_credit() =>
        Account.Given(Opened, Closed).When(new CreditTransfer(Id, "t1", "bob", 5m, "EUR", At)).ThenFails<DomainRuleViolationException>("account-closed");

    [Fact]
    public void An_account_never_opened_takes_no_credit() =>
        Account.Given().When(new CreditTransfer(Id, "t1", "bob", 5m, "EUR", At)).ThenFails<DomainRuleViolationException>("account-not-found");

    [Fact]
    public void A_refund_gives_back_what_the_transfer_holds_whatever_amount_it_names() =>
        Account.Given(Opened, Deposited(10m), Debited("t1", 60m))
            .When(new RefundTransfer(Id, "t1", "target closed", At))
            .Then(new TransferRefunded(Id, "t1", 60m, "target closed", At));

    [Fact]
    public void A_refund_repeated_gives_back_nothing_more() =>
        Account.Given(Opened, Debited("t1", 60m), new TransferRefunded(Id, "t1", 60m, "target closed", At))
            .When(new RefundTransfer(Id, "t1", "target closed", At))
            .ThenNothing();

    [Fact]
    public void A_refund_for_a_debit_that_never_happened_gives_back_nothing() =>
        Account.Given(Opened).When(new RefundTransfer(Id, "t1", "overdraft", At)).ThenNothing();

    [Fact]
    public void A_settled_transfer_is_not_refunded() =>
        Account.Given(Opened, Debited("t1", 60m), new TransferSettled(Id, "t1", 60m, At))
            .When(new RefundTransfer(Id, "t1", "late", At))
            .ThenNothing();

    [Fact]
    public void Settling_makes_the_held_debit_final_and_frees_the_account_to_close()
    {
        Account.Given(Opened, Deposited(60m), Debited("t1", 60m)).When(new SettleTransfer(Id, "t1", At)).Then(new TransferSettled(Id, "t1", 60m, At));
        Account.Given(Opened, Deposited(60m), Debited("t1", 60m), new TransferSettled(Id, "t1", 60m, At)).When(new CloseAccount(Id, At)).Then(Closed);
    }
}
