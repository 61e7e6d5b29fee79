using BankAccounts.Tests.Support;
using BankAccounts.Transfers;
using EventSourcing.Deciders;

namespace BankAccounts.Tests.Transfers;

public sealed class TransferDeciderTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DeciderSpec<TransferCommand, TransferEvent, TransferState> Transfer = new(TransferDecider.Decider);
    private static readonly TransferRequested Requested = new("t1", "alice", "bob", 25m, "EUR", At);

    [Fact]
    public void A_transfer_is_requested_with_its_accounts_amount_and_currency() =>
        Transfer.Given().When(new RequestTransfer("t1", "alice", "bob", 25m, "EUR", At)).Then(Requested);

    [Fact]
    public void Requesting_it_again_with_the_same_values_changes_nothing() =>
        Transfer.Given(Requested).When(new RequestTransfer("t1", "alice", "bob", 25m, "EUR", At)).ThenNothing();

    [Fact]
    public void The_same_id_with_other_values_is_refused() =>
        Transfer.Given(Requested).When(new RequestTransfer("t1", "alice", "bob", 26m, "EUR", At)).ThenFails<DomainRuleViolationException>("transfer-exists");

    [Fact]
    public void A_transfer_to_the_same_account_is_invalid() =>
        Transfer.Given().When(new RequestTransfer("t1", "alice", "alice", 25m, "EUR", At)).ThenFails<CommandValidationException>("toAccountId");

    [Fact]
    public void A_transfer_ends_once_completed() =>
        Transfer.Given(Requested, new TransferCompleted("t1", At)).When(new FailTransfer("t1", "late", At)).ThenFails<DomainRuleViolationException>("transfer-ended");

    [Fact]
    public void Failing_a_failed_transfer_again_changes_nothing() =>
        Transfer.Given(Requested, new TransferFailed("t1", "refused", At)).When(new FailTransfer("t1", "refused again", At)).ThenNothing();

    [Fact]
    public void A_transfer_never_requested_is_not_found() =>
        Transfer.Given().When(new CompleteTransfer("t1", At)).ThenFails<DomainRuleViolationException>("transfer-not-found");
}
