using System.Collections.Concurrent;
using EventSourcing.Diagnostics;
using EventSourcing.Sqlite;
using EventSourcing.Sqlite.Sagas;
using EventSourcing.Store;
using EventSourcing.Subscriptions;
using EventSourcing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EventSourcing.Tests.Subscriptions;

/// <summary>
/// Poison events on a feed subscription: after its tries an event is parked in the subscription's dead letters (with
/// what follows it for the same key) and delivery moves on; a retry hands them over again in order. Pauses between
/// tries run on a fake clock, so the tests drive them instead of waiting.
/// </summary>
public sealed class SubscriptionDeadLetterTests : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SqliteEventStore _events;
    private readonly SqliteSagaStore _store;
    private readonly FakeTimeProvider _time = new();
    private readonly FeedSubscriptions _subscriptions;
    private readonly CancellationTokenSource _stop;
    private readonly ConcurrentQueue<string> _handled = new();
    private readonly ConcurrentDictionary<string, int> _tries = new();
    private volatile bool _healed;

    public SubscriptionDeadLetterTests()
    {
        _events = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = _folder.File("events.db") });
        _store = new SqliteSagaStore(_folder.File("sagas.db"));
        var delivery = new DeliveryPolicy { MaxAttempts = 3, Backoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)), TimeProvider = _time };
        _subscriptions = new FeedSubscriptions(_events, _store, _store, delivery);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_that_keeps_failing_is_parked_after_the_set_tries_its_key_waits_behind_it_and_other_keys_go_on()
    {
        await AppendAsync("bad", "poison", "after-poison");
        await AppendAsync("good", "fine");
        var run = RunAsync();

        var letters = await UntilParked(2);
        var tries = _tries["poison"];
        await AppendAsync("bad", "later");
        await AppendAsync("good", "fine-too");
        await Until(() => _handled.Contains("good@2"));
        var withLater = await UntilParked(3);

        Assert.Equal(3, tries);
        Assert.Equal(["bad@1", "bad@2"], letters.Select(Name));
        Assert.Equal(("System.InvalidOperationException: cannot handle poison", 3), (letters[0].Error, letters[0].Attempts));
        Assert.DoesNotContain(" at ", letters[0].Error, StringComparison.Ordinal); // no stack trace for operators
        Assert.Equal((SubscriptionDeadLetter.WaitingBehind(letters[0].Event.EventId), 0), (letters[1].Error, letters[1].Attempts));
        Assert.Equal(["bad@1", "bad@2", "bad@3"], withLater.Select(Name));
        Assert.Equal(["good@1", "good@2"], _handled);
        await Until(async () => await _store.GetAsync("test", Ct) == 5); // the pages with parked events are acknowledged
        await StopAsync(run);
    }

    [Fact]
    public async Task A_retry_hands_the_parked_events_over_again_in_order_once_the_handler_can_take_them()
    {
        await AppendAsync("bad", "poison", "after-poison");
        var run = RunAsync();
        await UntilParked(2);

        var failedAgain = await _subscriptions.RetryDeadLettersAsync("test", HandleAsync, Ct);
        var stillParked = await _store.ListAsync("test", Ct);
        _healed = true;
        var retried = await _subscriptions.RetryDeadLettersAsync("test", HandleAsync, Ct);

        Assert.Equal((0, 2), (failedAgain.Applied, failedAgain.StillParked));
        Assert.Equal([4, 0], stillParked.Select(l => l.Attempts)); // one more try for the first; the second still waits
        Assert.Equal((2, 0), (retried.Applied, retried.StillParked));
        Assert.Empty(await _store.ListAsync("test", Ct));
        Assert.Equal(["bad@1", "bad@2"], _handled);
        await StopAsync(run);
    }

    [Fact]
    public async Task An_event_the_handler_can_never_take_is_parked_at_once_without_waiting_for_tries()
    {
        await AppendAsync("unreadable", "never");
        await AppendAsync("good", "fine");
        var run = RunAsync();

        var letters = await UntilParked(1);

        Assert.Equal(1, letters[0].Attempts);
        Assert.StartsWith("EventSourcing.Subscriptions.PoisonEventException: ", letters[0].Error, StringComparison.Ordinal);
        await Until(() => _handled.Contains("good@1"));
        await StopAsync(run);
    }

    [Fact]
    public async Task A_feed_that_fails_is_read_again_after_a_pause_and_no_event_is_lost()
    {
        var feed = new FailingFeed(_events, failures: 2);
        var subscription = new FeedSubscriptions(feed, _store, _store, new DeliveryPolicy { TimeProvider = _time });
        await AppendAsync("good", "fine");
        var run = subscription.RunAsync("test", HandleAsync, null, _stop.Token);

        await Until(() => _handled.Contains("good@1"));

        Assert.True(feed.Reads > 2, "both failing reads were tried again");

        await StopAsync(run);
    }

    [Fact]
    public void Pauses_double_from_the_first_up_to_the_longest()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        Assert.Equal([1, 2, 4, 8, 10, 10], Enumerable.Range(1, 6).Select(n => backoff.After(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(10), backoff.After(10_000));
    }

    private Task RunAsync() => _subscriptions.RunAsync("test", HandleAsync, e => e.StreamId, _stop.Token);

    private Task HandleAsync(RecordedEvent e, CancellationToken cancellationToken)
    {
        var what = e.Text().Trim('"');
        _tries.AddOrUpdate(what, 1, (_, n) => n + 1);
        if (what == "never") throw new PoisonEventException("cannot read never");
        if (what == "poison" && !_healed) throw new InvalidOperationException("cannot handle poison");
        _handled.Enqueue(Name(e));
        return Task.CompletedTask;
    }

    private static string Name(RecordedEvent e) => $"{e.StreamId}@{e.StreamVersion}";

    private static string Name(SubscriptionDeadLetter letter) => Name(letter.Event);

    private async Task AppendAsync(string stream, params string[] texts)
    {
        foreach (var text in texts) await _events.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.New(json: $"\"{text}\"")], Ct);
    }

    private async Task<IReadOnlyList<SubscriptionDeadLetter>> UntilParked(int count)
    {
        IReadOnlyList<SubscriptionDeadLetter> letters = [];
        await Until(async () => (letters = await _store.ListAsync("test", Ct)).Count == count);
        return letters;
    }

    private Task Until(Func<bool> condition) => Until(() => Task.FromResult(condition()));

    /// <summary>
    /// Waits for the condition while the fake clock moves on in small steps, so whatever pause the code is in (however
    /// late it armed its timer) ends.
    /// </summary>
    private async Task Until(Func<Task<bool>> condition)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(10, patience.Token);
        }
    }

    private async Task StopAsync(Task run)
    {
        await _stop.CancelAsync();
        await run;
    }

    /// <summary>The store's feed, failing its first reads as a store out of reach would.</summary>
    private sealed class FailingFeed(IEventFeed inner, int failures) : IEventFeed
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long fromPosition, int maxCount, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _reads) <= failures
                ? throw new StoreUnavailableException("the feed is out of reach")
                : inner.ReadAllAsync(fromPosition, maxCount, cancellationToken);

        public Task<long> GetHeadPositionAsync(CancellationToken cancellationToken = default) => inner.GetHeadPositionAsync(cancellationToken);

        public Task WaitForEventsAsync(long afterPosition, CancellationToken cancellationToken = default) => inner.WaitForEventsAsync(afterPosition, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        _store.Dispose();
        await _events.DisposeAsync();
        _folder.Dispose();
    }
}
