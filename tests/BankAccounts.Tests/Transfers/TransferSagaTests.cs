using BankAccounts.Accounts;
using BankAccounts.Tests.Support;
using BankAccounts.Transfers;
using EventSourcing.Sagas;

namespace BankAccounts.Tests.Transfers;

/// <summary>
/// The transfer saga on the embedded runner, started from the feed by the requested event as a host starts it.
/// Given accounts, when a transfer is requested, then the money moves, or comes back with the reason.
/// </summary>
public sealed class TransferSagaTests : IAsyncLifetime
{
    private BankHarness _bank = null!;

    public async ValueTask InitializeAsync() => _bank = await BankHarness.StartAsync();

    public ValueTask DisposeAsync() => _bank.DisposeAsync();

    [Fact]
    public async Task A_transfer_within_the_overdraft_moves_the_money_and_completes()
    {
        await _bank.OpenAsync("alice", overdraftLimit: 50, deposit: 30);
        await _bank.OpenAsync("bob");

        await _bank.RequestTransferAsync("t1", "alice", "bob", 70m);

        var saga = await _bank.FinishedAsync(TransferSaga.InstanceId("t1"));
        Assert.Equal(SagaStatus.Completed, saga.Status);
        var (alice, bob) = (await _bank.AccountAsync("alice"), await _bank.AccountAsync("bob"));
        Assert.Equal((-40m, 70m), (alice.Balance, bob.Balance));
        Assert.Empty(alice.Held); // settled: alice may close once she pays the overdraft back
        Assert.Equal(TransferStatus.Completed, (await _bank.TransferAsync("t1")).Status);
    }

    [Fact]
    public async Task When_the_target_is_closed_the_debit_is_refunded_and_the_transfer_fails_with_the_reason()
    {
        await _bank.OpenAsync("alice", deposit: 100);
        await _bank.OpenAsync("bob");
        await _bank.RunAsync("bob", new CloseAccount("bob", BankHarness.At));

        await _bank.RequestTransferAsync("t1", "alice", "bob", 60m);

        var saga = await _bank.FinishedAsync(TransferSaga.InstanceId("t1"));
        Assert.Equal(SagaStatus.Compensated, saga.Status);
        Assert.Contains("closed", saga.Reason, StringComparison.Ordinal);
        var alice = await _bank.AccountAsync("alice");
        Assert.Equal(100m, alice.Balance);
        Assert.Empty(alice.Held);
        Assert.Equal(["bank.AccountOpened", "bank.MoneyDeposited", "bank.TransferDebited", "bank.TransferRefunded"], await _bank.EventTypesAsync("account-alice"));
        Assert.Equal(["bank.AccountOpened", "bank.AccountClosed"], await _bank.EventTypesAsync("account-bob"));
        var transfer = await _bank.TransferAsync("t1");
        Assert.Equal(TransferStatus.Failed, transfer.Status);
        Assert.Contains("closed", transfer.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nobody", "EUR", "No account 'nobody'")]
    [InlineData("bob", "USD", "holds USD, not EUR")]
    public async Task When_the_target_is_unknown_or_in_another_currency_the_debit_is_refunded(string target, string targetCurrency, string reason)
    {
        await _bank.OpenAsync("alice", deposit: 100);
        await _bank.OpenAsync("bob", currency: targetCurrency);

        await _bank.RequestTransferAsync("t1", "alice", target, 60m);

        var saga = await _bank.FinishedAsync(TransferSaga.InstanceId("t1"));
        Assert.Equal(SagaStatus.Compensated, saga.Status);
        Assert.Contains(reason, saga.Reason, StringComparison.Ordinal);
        Assert.Equal(100m, (await _bank.AccountAsync("alice")).Balance);
        Assert.Equal(0m, (await _bank.AccountAsync("bob")).Balance);
    }

    [Fact]
    public async Task A_transfer_past_the_overdraft_takes_nothing_and_fails_with_the_reason()
    {
        await _bank.OpenAsync("alice", overdraftLimit: 10, deposit: 20);
        await _bank.OpenAsync("bob");

        await _bank.RequestTransferAsync("t1", "alice", "bob", 30.01m);

        var saga = await _bank.FinishedAsync(TransferSaga.InstanceId("t1"));
        Assert.Equal(SagaStatus.Compensated, saga.Status);
        Assert.Contains("at most 30", saga.Reason, StringComparison.Ordinal);
        Assert.Equal(["bank.AccountOpened", "bank.MoneyDeposited"], await _bank.EventTypesAsync("account-alice"));
        Assert.DoesNotContain(saga.Steps, s => s.Name == nameof(TransferActivities.Credit));
        Assert.Equal(TransferStatus.Failed, (await _bank.TransferAsync("t1")).Status);
    }
}
