using System.Collections.Concurrent;
using EventSourcing.Sqlite;
using EventSourcing.Sqlite.Sagas;
using EventSourcing.Store;
using EventSourcing.Subscriptions;
using EventSourcing.Tests.Support;

namespace EventSourcing.Tests.Subscriptions;

public sealed class FeedSubscriptionTests : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SqliteEventStore _events;
    private readonly SqliteSagaStore _checkpoints;

    public FeedSubscriptionTests()
    {
        _events = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = _folder.File("events.db") });
        _checkpoints = new SqliteSagaStore(_folder.File("sagas.db"));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_event_reaches_the_handler_in_position_order_and_a_restart_goes_on_from_the_checkpoint()
    {
        await AppendAsync(10);
        var seen = new ConcurrentQueue<long>();
        await RunUntilAsync(e => { seen.Enqueue(e.Position!.Value); return Task.CompletedTask; }, () => seen.Count == 10);

        await AppendAsync(5);
        var after = new ConcurrentQueue<long>();
        await RunUntilAsync(e => { after.Enqueue(e.Position!.Value); return Task.CompletedTask; }, () => after.Count == 5);

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), seen);
        Assert.Equal(Enumerable.Range(11, 5).Select(i => (long)i), after);
        Assert.Equal(15, await _checkpoints.GetAsync("test", Ct));
    }

    [Fact]
    public async Task A_handler_that_throws_gets_the_same_event_again_and_nothing_after_it_is_skipped()
    {
        await AppendAsync(3);
        var failures = 2;
        var handled = new ConcurrentQueue<long>();
        await RunUntilAsync(e =>
        {
            if (e.Position == 2 && failures-- > 0) throw new InvalidOperationException("downstream is down");
            handled.Enqueue(e.Position!.Value);
            return Task.CompletedTask;
        }, () => handled.Count == 3);

        Assert.Equal([1L, 2L, 3L], handled);
        Assert.Equal(-1, failures);
    }

    [Fact]
    public async Task Events_of_one_key_keep_their_order_while_other_keys_go_ahead_of_a_slow_one()
    {
        for (var i = 0; i < 3; i++) await _events.AppendAsync("slow", ExpectedVersion.Any, [TestEvents.New()], Ct);
        await _events.AppendAsync("fast", ExpectedVersion.Any, [TestEvents.New()], Ct);
        var fastDone = new TaskCompletionSource();
        var order = new ConcurrentQueue<string>();
        var options = new FeedSubscriptionOptions { KeyOf = e => e.StreamId };

        await RunUntilAsync(async e =>
        {
            // The first "slow" event waits for "fast", which comes after it in the feed: only keyed handling gets there.
            if (e.StreamId == "slow" && e.StreamVersion == 1) await fastDone.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            order.Enqueue($"{e.StreamId}-{e.StreamVersion}");
            if (e.StreamId == "fast") fastDone.SetResult();
        }, () => order.Count == 4, options);

        Assert.Equal(["fast-1", "slow-1", "slow-2", "slow-3"], order);
    }

    [Fact]
    public async Task A_checkpoint_never_moves_back()
    {
        await _checkpoints.SaveAsync("test", 9, Ct);
        await _checkpoints.SaveAsync("test", 4, Ct);

        Assert.Equal(9, await _checkpoints.GetAsync("test", Ct));
        Assert.Equal(0, await _checkpoints.GetAsync("other", Ct));
    }

    private async Task AppendAsync(int count)
    {
        for (var i = 0; i < count; i++) await _events.AppendAsync($"feed-{i % 3}", ExpectedVersion.Any, [TestEvents.New()], Ct);
    }

    private async Task RunUntilAsync(Func<RecordedEvent, Task> handle, Func<bool> done, FeedSubscriptionOptions? options = null)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var subscription = new FeedSubscription("test", _events, _checkpoints, _checkpoints, (e, _) => handle(e),
            (options ?? new FeedSubscriptionOptions()) with { Delivery = new DeliveryPolicy { Backoff = new(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10)) } });
        var run = subscription.RunAsync(stop.Token);
        // A bound on a failing run only: a passing one stops as soon as the handler has had everything.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done() && DateTime.UtcNow < deadline) await Task.Delay(10, Ct);
        // Let the checkpoint reach the head (it is saved when the feed runs dry) before stopping.
        var head = await _events.GetHeadPositionAsync(Ct);
        while (await _checkpoints.GetAsync("test", Ct) < head && DateTime.UtcNow < deadline) await Task.Delay(10, Ct);
        await stop.CancelAsync();
        await run; // stopping is not an error
        Assert.True(done(), "the subscription did not hand over every event in 30 s");
    }

    public async ValueTask DisposeAsync()
    {
        _checkpoints.Dispose();
        await _events.DisposeAsync();
        _folder.Dispose();
    }
}
