using System.Collections.Concurrent;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Projections;
using EventSourcing.Cosmos.Subscriptions;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Sqlite.Sagas;
using EventSourcing.Store;
using EventSourcing.Subscriptions;
using EventSourcing.Tests.Support;
using Microsoft.Azure.Cosmos;

namespace EventSourcing.Cosmos.Tests.Subscriptions;

/// <summary>
/// What a change-feed subscription does with one batch, without a server: the processor only delivers it. Its dead
/// letters go to a SQLite store here (the Cosmos one runs the same contract where an account is configured).
/// </summary>
public sealed class ChangeFeedSubscriptionTests : IDisposable
{
    // Never called: batches are handed over directly, as the processor would.
    private static readonly Container NoContainer = new CosmosClient("AccountEndpoint=https://127.0.0.1:9/;AccountKey=a2V5;").GetContainer("db", "c");

    private readonly TempDirectory _folder = new();
    private readonly SqliteSagaStore _deadLetters;
    private readonly ChangeFeedSubscriptions _subscriptions;

    public ChangeFeedSubscriptionTests()
    {
        _deadLetters = new SqliteSagaStore(_folder.File("sagas.db"));
        _subscriptions = new(NoContainer, NoContainer, _deadLetters, new ChangeFeedProjectionOptions(),
            new DeliveryPolicy { MaxAttempts = 3, Backoff = new(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5)) });
    }

    [Fact]
    public async Task Events_of_one_key_from_several_streams_arrive_in_commit_order_and_tips_are_ignored()
    {
        // A payment committed after the order's checkout, delivered first by the feed (no order across partitions).
        CommitDocument[] batch =
        [
            Commits.Of("payment-7", 0, new Account.Deposited(5)) with { Timestamp = Commits.At.AddSeconds(10) },
            Commits.TipOf("order-7", 2),
            Commits.Of("order-7", 0, new Account.Opened("x"), new Account.Deposited(1)),
        ];
        var seen = new ConcurrentQueue<string>();

        await _subscriptions.HandleBatchAsync("test", batch, (e, _) => { seen.Enqueue($"{e.StreamId}@{e.StreamVersion}"); return Task.CompletedTask; },
            e => e.StreamId.Split('-')[1], TestContext.Current.CancellationToken);

        Assert.Equal(["order-7@1", "order-7@2", "payment-7@1"], seen);
    }

    [Fact]
    public async Task A_handler_that_fails_gets_the_event_again_before_the_batch_is_acknowledged()
    {
        var failures = 2;
        var handled = new ConcurrentQueue<long>();

        await _subscriptions.HandleBatchAsync("test", [Commits.Of("order-1", 0, new Account.Opened("x"), new Account.Deposited(1))], (e, _) =>
        {
            if (e.StreamVersion == 1 && failures-- > 0) throw new CosmosException("throttled", System.Net.HttpStatusCode.TooManyRequests, 0, "", 0);
            handled.Enqueue(e.StreamVersion);
            return Task.CompletedTask;
        }, e => e.StreamId, TestContext.Current.CancellationToken);

        Assert.Equal([1L, 2L], handled);
        Assert.Equal(-1, failures);
    }

    [Fact]
    public async Task A_handler_that_keeps_failing_on_an_event_parks_it_with_what_follows_for_its_key_and_the_batch_goes_on()
    {
        var handled = new ConcurrentQueue<string>();
        CommitDocument[] batch =
        [
            Commits.Of("order-3", 0, new Account.Opened("x"), new Account.Deposited(1)),
            Commits.Of("payment-3", 0, new Account.Deposited(2)) with { Timestamp = Commits.At.AddSeconds(10) },
            Commits.Of("order-4", 0, new Account.Opened("y")),
        ];

        await _subscriptions.HandleBatchAsync("test", batch, (e, _) =>
        {
            if (e.StreamId == "order-3" && e.StreamVersion == 1) throw new InvalidOperationException("cannot start");
            handled.Enqueue($"{e.StreamId}@{e.StreamVersion}");
            return Task.CompletedTask;
        }, e => e.StreamId.Split('-')[1], TestContext.Current.CancellationToken);
        var parked = await _subscriptions.GetDeadLettersAsync("test", TestContext.Current.CancellationToken);

        Assert.Equal(["order-4@1"], handled);
        Assert.Equal(["order-3@1", "order-3@2", "payment-3@1"], parked.Select(l => $"{l.Event.StreamId}@{l.Event.StreamVersion}"));
        Assert.Equal(("System.InvalidOperationException: cannot start", 3), (parked[0].Error, parked[0].Attempts));
        Assert.All(parked.Skip(1), l => Assert.Equal(0, l.Attempts));
    }

    [Fact]
    public async Task Cancelled_while_a_handler_keeps_failing_the_batch_is_not_acknowledged()
    {
        var patient = new ChangeFeedSubscriptions(NoContainer, NoContainer, _deadLetters, delivery: new DeliveryPolicy { MaxAttempts = int.MaxValue });
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => patient.HandleBatchAsync("test",
            [Commits.Of("order-2", 0, new Account.Opened("x"))], (_, _) => throw new InvalidOperationException("down"), e => e.StreamId, stop.Token));
    }

    public void Dispose()
    {
        _deadLetters.Dispose();
        _folder.Dispose();
    }
}
