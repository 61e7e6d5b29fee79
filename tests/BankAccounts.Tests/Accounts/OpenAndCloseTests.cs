using BankAccounts.Accounts;
using EventSourcing.Deciders;
using static BankAccounts.Tests.Accounts.AccountHistory;

namespace BankAccounts.Tests.Accounts;

public sealed class OpenAndCloseTests
{
    [Fact]
    public void Opening_records_the_owner_currency_and_overdraft_limit() =>
        Account.Given()
            .When(new OpenAccount(Id, "Alice", "EUR", 100m, At))
            .Then(Opened);

    [Fact]
    public void Opening_again_with_the_same_values_is_a_retry_and_changes_nothing() =>
        Account.Given(Opened).When(new OpenAccount(Id, "Alice", "EUR", 100m, At.AddMinutes(1))).ThenNothing();

    [Fact]
    public void Opening_an_open_account_for_someone_else_is_refused() =>
        Account.Given(Opened).When(new OpenAccount(Id, "Mallory", "EUR", 100m, At)).ThenFails<DomainRuleViolationException>("account-exists");

    [Theory]
    [InlineData("eur", "currency")]
    [InlineData("EURO", "currency")]
    public void A_currency_must_be_an_iso_code(string currency, string field) =>
        Account.Given().When(new OpenAccount(Id, "Alice", currency, 0m, At)).ThenFails<CommandValidationException>(field);

    [Fact]
    public void An_overdraft_limit_cannot_be_negative() =>
        Account.Given().When(new OpenAccount(Id, "Alice", "EUR", -1m, At)).ThenFails<CommandValidationException>("overdraftLimit");

    [Fact]
    public void An_account_id_must_be_plain_enough_to_name_a_stream() =>
        Account.Given().When(new OpenAccount("a/b", "Alice", "EUR", 0m, At)).ThenFails<CommandValidationException>("accountId");

    [Fact]
    public void An_empty_account_closes() =>
        Account.Given(Opened).When(new CloseAccount(Id, At)).Then(Closed);

    [Fact]
    public void Closing_a_closed_account_changes_nothing() =>
        Account.Given(Opened, Closed).When(new CloseAccount(Id, At)).ThenNothing();

    [Fact]
    public void An_account_with_money_left_does_not_close() =>
        Account.Given(Opened, Deposited(5m)).When(new CloseAccount(Id, At)).ThenFails<DomainRuleViolationException>("balance-not-zero");

    [Fact]
    public void An_account_with_a_transfer_in_progress_does_not_close_even_at_zero() =>
        Account.Given(Opened, Deposited(30m), Debited("t1", 30m)).When(new CloseAccount(Id, At)).ThenFails<DomainRuleViolationException>("transfer-pending");

    [Fact]
    public void An_account_never_opened_is_not_found() =>
        Account.Given().When(new CloseAccount(Id, At)).ThenFails<DomainRuleViolationException>("account-not-found");
}
