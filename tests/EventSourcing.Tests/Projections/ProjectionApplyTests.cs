using EventSourcing.Projections;
using EventSourcing.Tests.Support;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Tests.Projections;

public sealed class ProjectionApplyTests : IAsyncDisposable
{
    private readonly ProjectionHarness _harness = new(new ProjectionRunnerOptions { PageSize = 10 });

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Documents_reflect_the_events_of_their_stream()
    {
        await _harness.Append("account-1", new Opened("alice"), new Deposited(100), new Withdrawn(30));
        await _harness.Append("account-2", new Opened("bob"));

        await _harness.Runner.CatchUpAsync();

        Assert.Equal(new AccountBalance("account-1", "alice", 70, 2, "Basic", "v1", 3), await _harness.Balance("account-1"));
        Assert.Equal("bob", (await _harness.Balance("account-2"))!.Owner);
        Assert.Null(await _harness.Balance("account-3"));
    }

    [Fact]
    public async Task A_redelivered_event_changes_nothing()
    {
        await _harness.Append("account-1", new Opened("alice"), new Deposited(100));
        await _harness.Runner.CatchUpAsync();
        var applied = _harness.Balances.Applied;

        // Given the feed delivers everything again (a checkpoint lost, as an at-least-once feed may do)
        _harness.Sql("UPDATE generations SET checkpoint = 0");
        _harness.Restart();
        await _harness.Runner.CatchUpAsync();

        Assert.Equal(applied, _harness.Balances.Applied);
        Assert.Equal(100, (await _harness.Balance("account-1"))!.Balance);
        Assert.Equal(0, (await _harness.Status()).Lag);
    }

    [Fact]
    public async Task A_deleted_document_stays_deleted_when_its_events_are_delivered_again()
    {
        await _harness.Append("account-1", new Opened("alice"), new Deposited(10), new Withdrawn(10));
        await _harness.Runner.CatchUpAsync();
        Assert.Null(await _harness.Balance("account-1"));

        _harness.Sql("UPDATE generations SET checkpoint = 0");
        _harness.Restart();
        await _harness.Runner.CatchUpAsync();

        Assert.Null(await _harness.Balance("account-1"));
        await _harness.Append("account-1", new Deposited(3));
        await _harness.Runner.CatchUpAsync();
        Assert.Equal(3, (await _harness.Balance("account-1"))!.Balance); // a new event starts it afresh
    }

    [Fact]
    public async Task Events_of_types_the_projection_does_not_know_are_skipped_not_parked()
    {
        await _harness.AppendForeign("saga-1");
        await _harness.Append("account-1", new Opened("alice"));
        await _harness.AppendForeign("saga-1");

        await _harness.Runner.CatchUpAsync();

        var status = await _harness.Status();
        Assert.Equal((3L, 0L, 0), (status.Checkpoint, status.Lag, status.DeadLetters));
        Assert.Equal("alice", (await _harness.Balance("account-1"))!.Owner);
    }

    [Fact]
    public async Task A_failing_event_is_parked_while_the_rest_of_its_page_commits_with_the_checkpoint()
    {
        _harness.Balances.FailWhen = e => e.Position == 3;
        await _harness.Append("account-1", new Opened("alice"));
        await _harness.Append("account-2", new Opened("bob"));
        await _harness.Append("account-3", new Opened("carol"));
        await _harness.Append("account-4", new Opened("dave"), new Deposited(5));

        await _harness.Runner.CatchUpAsync();

        Assert.NotNull(await _harness.Balance("account-1"));
        Assert.NotNull(await _harness.Balance("account-2"));
        Assert.Null(await _harness.Balance("account-3"));
        Assert.Equal(5, (await _harness.Balance("account-4"))!.Balance);
        var status = await _harness.Status();
        Assert.Equal((5L, 1), (status.Checkpoint, status.DeadLetters));
    }

    [Fact]
    public async Task A_page_whose_commit_fails_leaves_neither_documents_nor_checkpoint_behind()
    {
        await _harness.Runner.GetStatusAsync(); // creates the schema rows
        _harness.Sql("CREATE TRIGGER crash BEFORE UPDATE OF checkpoint ON generations BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
        await _harness.Append("account-1", new Opened("alice"), new Deposited(40));

        await Assert.ThrowsAnyAsync<Exception>(() => _harness.Runner.CatchUpAsync());

        Assert.Null(await _harness.Balance("account-1"));
        Assert.Equal(0, (await _harness.Status()).Checkpoint);
        _harness.Sql("DROP TRIGGER crash");
        await _harness.Runner.CatchUpAsync();
        Assert.Equal(40, (await _harness.Balance("account-1"))!.Balance);
    }

    [Fact]
    public void Projection_names_are_checked_when_the_runner_is_built()
    {
        var bad = new AccountBalancesNamed("Account Balances");

        Assert.Throws<ArgumentException>(() => new ProjectionRunner(_harness.Events, _harness.Serializer, [bad], _harness.ReadModels));
        Assert.Throws<ArgumentException>(() => new ProjectionRunner(_harness.Events, _harness.Serializer, [new AccountBalances(), new AccountBalances()], _harness.ReadModels));
    }

    private sealed class AccountBalancesNamed(string name) : Projection<AccountBalance>
    {
        public override string Name => name;
        public override string? KeyOf(object domainEvent, EventSourcing.Store.RecordedEvent recorded) => null;
        public override AccountBalance? Apply(AccountBalance? current, object domainEvent, EventSourcing.Store.RecordedEvent recorded) => current;
    }
}
