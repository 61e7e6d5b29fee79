using System.Text.Json;
using BankAccounts.Tests.Support;
using BankAccounts.Transfers;
using EventSourcing.Sagas;
using EventSourcing.Store;

namespace BankAccounts.Tests.Transfers;

/// <summary>
/// The feed delivers at least once and activities may run again after their work committed (a lost answer, a
/// restart): money still moves exactly once.
/// </summary>
public sealed class TransferRedeliveryTests
{
    [Fact]
    public async Task A_redelivered_transfer_request_starts_no_second_transfer()
    {
        await using var bank = await BankHarness.StartAsync();
        await bank.OpenAsync("alice", deposit: 100);
        await bank.OpenAsync("bob");
        await bank.RequestTransferAsync("t1", "alice", "bob", 60m);
        var requested = (await bank.Events.ReadStreamAsync("transfer-t1", new StreamReadOptions(), TestContext.Current.CancellationToken))[0];

        await bank.FinishedAsync(TransferSaga.InstanceId("t1"));
        // The feed hands the same event over again, twice, after the transfer ended.
        await bank.Trigger.HandleAsync(requested, TestContext.Current.CancellationToken);
        await bank.Trigger.HandleAsync(requested, TestContext.Current.CancellationToken);

        var sagas = await bank.Sagas.ListAsync(new SagaQuery(null, 10), TestContext.Current.CancellationToken);
        Assert.Equal([TransferSaga.InstanceId("t1")], sagas.Items.Select(s => s.SagaId));
        var saga = await bank.FinishedAsync(TransferSaga.InstanceId("t1"));
        Assert.Equal(SagaStatus.Completed, saga.Status);
        Assert.Single(saga.Steps, s => s.Name == nameof(TransferActivities.Debit) && s.Status == "completed");
        Assert.Equal((40m, 60m), ((await bank.AccountAsync("alice")).Balance, (await bank.AccountAsync("bob")).Balance));
    }

    [Fact]
    public async Task Every_step_run_twice_still_moves_the_money_once()
    {
        await using var bank = await BankHarness.StartAsync(RunEveryActivityTwice);
        await bank.OpenAsync("alice", deposit: 100);
        await bank.OpenAsync("bob");

        await bank.RequestTransferAsync("t1", "alice", "bob", 60m);

        Assert.Equal(SagaStatus.Completed, (await bank.FinishedAsync(TransferSaga.InstanceId("t1"))).Status);
        Assert.Equal(["bank.AccountOpened", "bank.MoneyDeposited", "bank.TransferDebited", "bank.TransferSettled"], await bank.EventTypesAsync("account-alice"));
        Assert.Equal(["bank.AccountOpened", "bank.TransferCredited"], await bank.EventTypesAsync("account-bob"));
        Assert.Equal(["bank.TransferRequested", "bank.TransferCompleted"], await bank.EventTypesAsync("transfer-t1"));
    }

    [Fact]
    public async Task Every_step_run_twice_still_refunds_once_when_the_credit_is_refused()
    {
        await using var bank = await BankHarness.StartAsync(RunEveryActivityTwice);
        await bank.OpenAsync("alice", deposit: 100);

        await bank.RequestTransferAsync("t1", "alice", "nobody", 60m);

        Assert.Equal(SagaStatus.Compensated, (await bank.FinishedAsync(TransferSaga.InstanceId("t1"))).Status);
        Assert.Equal(["bank.AccountOpened", "bank.MoneyDeposited", "bank.TransferDebited", "bank.TransferRefunded"], await bank.EventTypesAsync("account-alice"));
        Assert.Equal(100m, (await bank.AccountAsync("alice")).Balance);
        Assert.Equal(["bank.TransferRequested", "bank.TransferFailed"], await bank.EventTypesAsync("transfer-t1"));
    }

    /// <summary>Each activity does its work, then does it again before answering: what a retry after a lost answer does.</summary>
    private static void RunEveryActivityTwice(OrchestrationRegistry registry)
    {
        foreach (var name in registry.ActivityNames.ToList())
            registry.WrapActivity(name, inner => async (JsonElement? input, CancellationToken ct) =>
            {
                try { await inner(input, ct); }
                catch (Exception e) when (e is not OperationCanceledException) { /* the first run's refusal repeats below */ }
                return await inner(input, ct);
            });
    }
}
