using BankAccounts.Accounts;
using BankAccounts.Statements;
using BankAccounts.Tests.Support;
using EventSourcing.Projections;

namespace BankAccounts.Tests.Statements;

/// <summary>The statement read model, kept by the core's projection runner from the SQLite feed.</summary>
public sealed class AccountStatementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_statement_shows_the_balance_and_every_movement_with_the_balance_after_it()
    {
        await using var bank = await BankHarness.StartAsync();
        await bank.OpenAsync("alice", overdraftLimit: 50);
        await bank.RunAsync("alice", new Deposit("alice", 30m, BankHarness.At), new Withdraw("alice", 45.5m, BankHarness.At.AddHours(1)));

        var statement = await CaughtUpAsync(bank, "alice");

        Assert.Equal(("Alice", "EUR", 50m, "open", -15.5m, 3L), (statement.Owner, statement.Currency, statement.OverdraftLimit, statement.Status, statement.Balance, statement.Version));
        Assert.Equal([("deposit", 30m, 30m), ("withdrawal", -45.5m, -15.5m)], statement.Entries.Select(e => (e.Kind, e.Amount, e.BalanceAfter)));
        Assert.Equal(BankHarness.At.AddHours(1), statement.UpdatedAt);
    }

    [Fact]
    public async Task A_refunded_transfer_shows_the_money_leaving_and_coming_back_and_nothing_held()
    {
        await using var bank = await BankHarness.StartAsync();
        await bank.OpenAsync("alice", deposit: 100);
        await bank.RequestTransferAsync("t1", "alice", "nobody", 60m);
        await bank.FinishedAsync(BankAccounts.Transfers.TransferSaga.InstanceId("t1"));

        var statement = await CaughtUpAsync(bank, "alice");

        Assert.Equal(
            [("deposit", 100m, 100m, null), ("transfer-out", -60m, 40m, "t1"), ("transfer-refund", 60m, 100m, "t1")],
            statement.Entries.Select(e => (e.Kind, e.Amount, e.BalanceAfter, e.TransferId)));
        Assert.Equal((100m, 0m), (statement.Balance, statement.Held));
    }

    [Fact]
    public async Task Money_in_a_transfer_not_yet_settled_shows_as_held()
    {
        await using var bank = await BankHarness.StartAsync();
        await bank.OpenAsync("alice", deposit: 100);
        await bank.RunAsync("alice", new DebitTransfer("alice", "t9", "bob", 25m, "EUR", BankHarness.At));

        var statement = await CaughtUpAsync(bank, "alice");
        Assert.Equal((75m, 25m), (statement.Balance, statement.Held));

        await bank.RunAsync("alice", new SettleTransfer("alice", "t9", BankHarness.At));
        Assert.Equal((75m, 0m), ((await CaughtUpAsync(bank, "alice")).Balance, (await CaughtUpAsync(bank, "alice")).Held));
    }

    [Fact]
    public async Task Statements_are_found_by_owner_and_status()
    {
        await using var bank = await BankHarness.StartAsync();
        await bank.OpenAsync("a1");
        await bank.OpenAsync("a2");
        await bank.RunAsync("a2", new CloseAccount("a2", BankHarness.At));
        await bank.Projections.CatchUpAsync(Ct);

        var closed = await bank.ReadModels.QueryAsync<AccountStatement>(AccountStatementProjection.ProjectionName, new ReadModelQuery().Where("status", "closed"), Ct);
        var ofA1 = await bank.ReadModels.QueryAsync<AccountStatement>(AccountStatementProjection.ProjectionName, new ReadModelQuery().Where("owner", "A1"), Ct);

        Assert.Equal(["a2"], closed.Items.Select(s => s.AccountId));
        Assert.Equal(["a1"], ofA1.Items.Select(s => s.AccountId));
    }

    [Fact]
    public async Task A_statement_keeps_only_the_newest_movements_but_the_whole_balance()
    {
        await using var bank = await BankHarness.StartAsync();
        await bank.OpenAsync("alice");
        var deposits = Enumerable.Range(1, AccountStatementProjection.MaxEntries + 5).Select(i => (AccountCommand)new Deposit("alice", i, BankHarness.At)).ToArray();
        await bank.RunAsync("alice", deposits);

        var statement = await CaughtUpAsync(bank, "alice");

        Assert.Equal(AccountStatementProjection.MaxEntries, statement.Entries.Count);
        Assert.Equal(6m, statement.Entries[0].Amount);
        Assert.Equal(deposits.Cast<Deposit>().Sum(d => d.Amount), statement.Balance);
    }

    private static async Task<AccountStatement> CaughtUpAsync(BankHarness bank, string accountId)
    {
        await bank.Projections.CatchUpAsync(Ct);
        return await bank.ReadModels.GetAsync<AccountStatement>(AccountStatementProjection.ProjectionName, accountId, Ct)
            ?? throw new Xunit.Sdk.XunitException($"no statement for {accountId}");
    }
}
