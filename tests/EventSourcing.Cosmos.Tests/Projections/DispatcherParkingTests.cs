using EventSourcing.Cosmos.Tests.Support;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Cosmos.Tests.Projections;

public sealed class DispatcherParkingTests
{
    private readonly DispatcherHarness _harness = new();

    [Fact]
    public async Task A_poison_event_is_parked_and_the_rest_of_its_stream_waits_behind_it_while_other_streams_go_on()
    {
        _harness.Balances.FailWhen = e => e.StreamId == "account-1" && e.StreamVersion == 2;

        await _harness.Deliver(
            Commits.Of("account-1", 0, new Opened("alice"), new Deposited(10), new Deposited(20)),
            Commits.Of("account-2", 0, new Opened("bob"), new Deposited(5)));

        Assert.Equal((1L, "alice", 0m), (_harness.AppliedVersion("account-1")!.Value, _harness.Balance("account-1")!.Owner, _harness.Balance("account-1")!.Balance));
        Assert.Equal(5, _harness.Balance("account-2")!.Balance);
        var letters = _harness.Storage.Letters;
        Assert.Equal([(2L, 1), (3L, 0)], letters.Select(l => (l.Event.StreamVersion, l.Attempts)));
        Assert.Contains("Cannot project", letters[0].Error, StringComparison.Ordinal);
        Assert.Contains("Waiting behind parked event at version 2", letters[1].Error, StringComparison.Ordinal);
        Assert.Equal("MoneyDeposited", letters[0].Event.Type);
    }

    [Fact]
    public async Task Later_batches_of_a_parked_stream_wait_too_and_redelivering_the_parked_event_adds_nothing()
    {
        _harness.Balances.FailWhen = e => e.StreamVersion == 2;
        var poisoned = Commits.Of("account-1", 0, new Opened("alice"), new Deposited(10));
        await _harness.Deliver(poisoned);

        await _harness.Deliver(Commits.Of("account-1", 2, new Deposited(20)));
        await _harness.Deliver(poisoned);

        Assert.Equal([(2L, 1), (3L, 0)], _harness.Storage.Letters.Select(l => (l.Event.StreamVersion, l.Attempts)));
        Assert.Equal(1, _harness.AppliedVersion("account-1"));
    }

    [Fact]
    public async Task An_event_that_cannot_be_decoded_is_parked()
    {
        await _harness.Deliver(Commits.Raw("account-1", 0, EventSourcing.Tests.Support.TestEvents.New("MoneyDeposited", """{"amount":"lots"}""")));

        var letter = Assert.Single(_harness.Storage.Letters);
        Assert.Contains("JsonException", letter.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_the_store_refuses_parks_the_event_that_changed_it()
    {
        _harness.Storage.Reject = d => d.Versions["account-1"] >= 2;

        await _harness.Deliver(Commits.Of("account-1", 0, new Opened("alice")), Commits.Of("account-1", 1, new Deposited(1), new Deposited(2)));

        Assert.Equal([2L, 3L], _harness.Storage.Letters.Select(l => l.Event.StreamVersion));
        Assert.Contains("too large", _harness.Storage.Letters[0].Error, StringComparison.Ordinal);
        Assert.Equal(1, _harness.AppliedVersion("account-1"));
    }

    [Fact]
    public async Task Retrying_after_the_fix_applies_the_parked_events_in_order_and_removes_them()
    {
        _harness.Balances.FailWhen = e => e.StreamVersion == 2;
        await _harness.Deliver(Commits.Of("account-1", 0, new Opened("alice"), new Deposited(10), new Deposited(20)));

        _harness.Balances.FailWhen = null;
        var result = await _harness.Dispatcher.RetryDeadLettersAsync(EventSourcing.Tests.Projections.AccountBalances.ProjectionName, TestContext.Current.CancellationToken);

        Assert.Equal((2, 0), (result.Applied, result.StillParked));
        Assert.Empty(_harness.Storage.Letters);
        Assert.Equal((30m, 3L), (_harness.Balance("account-1")!.Balance, _harness.AppliedVersion("account-1")!.Value));
    }

    [Fact]
    public async Task A_retry_that_fails_again_counts_an_attempt_and_keeps_the_stream_parked_behind_it()
    {
        _harness.Balances.FailWhen = e => e.StreamVersion == 2;
        await _harness.Deliver(Commits.Of("account-1", 0, new Opened("alice"), new Deposited(10), new Deposited(20)));

        var result = await _harness.Dispatcher.RetryDeadLettersAsync(EventSourcing.Tests.Projections.AccountBalances.ProjectionName, TestContext.Current.CancellationToken);

        Assert.Equal((0, 2), (result.Applied, result.StillParked));
        Assert.Equal([(2L, 2), (3L, 0)], _harness.Storage.Letters.Select(l => (l.Event.StreamVersion, l.Attempts)));
    }
}
