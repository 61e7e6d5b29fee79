using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Projections;
using EventSourcing.Tests.Projections;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Cosmos.Tests.Projections;

public sealed class DispatcherApplyTests
{
    private readonly DispatcherHarness _harness = new();

    [Fact]
    public async Task Commits_apply_in_stream_order_and_tips_are_ignored()
    {
        // Given a batch whose commits arrive out of order, with tips among them
        var first = Commits.Of("account-1", 0, new Opened("alice"), new Deposited(100));
        var second = Commits.Of("account-1", 2, new Withdrawn(30));

        await _harness.Deliver(Commits.TipOf("account-1", 3), second, first, Commits.Of("account-2", 0, new Opened("bob")));

        Assert.Equal(new AccountBalance("account-1", "alice", 70, 2, "Basic", "v1", 3), _harness.Balance("account-1"));
        Assert.Equal("bob", _harness.Balance("account-2")!.Owner);
        Assert.Equal(3, _harness.AppliedVersion("account-1"));
    }

    [Fact]
    public async Task Consecutive_events_for_one_document_cost_one_read_and_one_write()
    {
        await _harness.Deliver(Commits.Of("account-1", 0, new Opened("alice"), new Deposited(10), new Deposited(20), new Deposited(30)));

        Assert.Equal((1, 1), (_harness.Storage.Loads, _harness.Storage.Writes));
        Assert.Equal(60, _harness.Balance("account-1")!.Balance);
    }

    [Fact]
    public async Task A_redelivered_batch_changes_nothing()
    {
        var batch = new[] { Commits.Of("account-1", 0, new Opened("alice"), new Deposited(100)) };
        await _harness.Deliver(batch);
        var (applied, writes) = (_harness.Balances.Applied, _harness.Storage.Writes);

        await _harness.Deliver(batch);

        Assert.Equal((applied, writes), (_harness.Balances.Applied, _harness.Storage.Writes));
        Assert.Equal(100, _harness.Balance("account-1")!.Balance);
    }

    [Fact]
    public async Task An_older_event_never_moves_a_document_backwards()
    {
        var opened = Commits.Of("account-1", 0, new Opened("alice"));
        await _harness.Deliver(opened, Commits.Of("account-1", 1, new Deposited(5)), Commits.Of("account-1", 2, new Deposited(7)));

        // When a lagging instance delivers the first commit again
        await _harness.Deliver(opened);

        Assert.Equal((12m, 3L), (_harness.Balance("account-1")!.Balance, _harness.AppliedVersion("account-1")!.Value));
    }

    [Fact]
    public async Task Losing_an_etag_race_to_an_instance_that_got_further_never_moves_the_document_backwards()
    {
        await _harness.Deliver(Commits.Of("account-1", 0, new Opened("alice")));
        // Given another instance applies versions 2 and 3 between our read and our write of version 2
        _harness.Storage.RaceNextWrite = current => current! with
        {
            Json = """{"id":"account-1","owner":"alice","balance":12,"transactions":2,"tier":"Basic","label":"v1","version":3}""",
            Versions = new Dictionary<string, long> { ["account-1"] = 3 },
        };

        await _harness.Deliver(Commits.Of("account-1", 1, new Deposited(5)));

        Assert.Equal((12m, 2, 3L), (_harness.Balance("account-1")!.Balance, _harness.Balance("account-1")!.Transactions, _harness.AppliedVersion("account-1")!.Value));
    }

    [Fact]
    public async Task A_deleted_document_stays_as_a_tombstone_that_turns_redeliveries_away()
    {
        var batch = Commits.Of("account-1", 0, new Opened("alice"), new Deposited(10), new Withdrawn(10));
        await _harness.Deliver(batch);

        await _harness.Deliver(batch);

        Assert.Null(_harness.Balance("account-1"));
        Assert.Equal(3, _harness.AppliedVersion("account-1"));
    }

    [Fact]
    public async Task Events_of_types_the_projections_do_not_know_are_ignored()
    {
        await _harness.Deliver(Commits.Raw("saga-1", 0, EventSourcing.Tests.Support.TestEvents.New("SagaStepRecorded")));

        Assert.Empty(_harness.Storage.Letters);
        Assert.Equal(0, _harness.Storage.Writes);
    }

    [Fact]
    public async Task Storage_faults_are_retried_until_every_event_is_applied()
    {
        _harness.Storage.FailNextCalls = 5;

        await _harness.Deliver(Commits.Of("account-1", 0, new Opened("alice"), new Deposited(40)));

        Assert.Equal(40, _harness.Balance("account-1")!.Balance);
        Assert.Equal(0, _harness.Storage.FailNextCalls);
    }

    [Fact]
    public async Task A_cancelled_dispatch_throws_so_the_batch_is_not_acknowledged()
    {
        _harness.Storage.FailNextCalls = int.MaxValue;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _harness.Dispatcher.DispatchAsync([Commits.Of("account-1", 0, new Opened("alice"))], cancel.Token));
        Assert.Null(_harness.Balance("account-1"));
    }

    [Fact]
    public async Task Cancelled_while_storage_fails_the_dispatch_reports_the_cancellation_not_the_fault()
    {
        using var cancel = new CancellationTokenSource();
        _harness.Storage.FailNextCalls = int.MaxValue;
        _harness.Storage.BeforeFault = cancel.Cancel;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _harness.Dispatcher.DispatchAsync([Commits.Of("account-1", 0, new Opened("alice"))], cancel.Token));
    }

    [Fact]
    public void Projection_names_are_checked_when_the_dispatcher_is_built()
    {
        var storage = new InMemoryReadModels();

        Assert.Throws<ArgumentException>(() => new EventSourcing.Cosmos.Projections.ChangeFeedDispatcher(
            Commits.Serializer, [new AccountBalances(), new AccountBalances()], storage, storage));
        Assert.Throws<UnknownProjectionException>(() => _harness.Dispatcher.ProjectionOf("nope"));
    }
}
