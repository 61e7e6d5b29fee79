using EventSourcing.Feed;
using EventSourcing.Sqlite;
using EventSourcing.Store;
using EventSourcing.Tests.Contract;
using EventSourcing.Tests.Feed;
using EventSourcing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EventSourcing.Tests.Sqlite;

public sealed class SqliteFeedReaderContract : EventFeedReaderContract
{
    protected override Task<FeedUnderTest> OpenAsync()
    {
        var opened = SqliteStores.Open();
        var store = (SqliteEventStore)opened.Store;
        return Task.FromResult(new FeedUnderTest(store, new SqliteFeedReader(store), OneOrderAcrossStreams: true, opened.Close));
    }
}

/// <summary>What the SQLite feed adds to the contract: positions, bounded filtered scans, waits on the commit signal.</summary>
public sealed class SqliteFeedReaderTests : IAsyncDisposable
{
    private readonly StoreUnderTest _opened = SqliteStores.Open();
    private readonly FakeTimeProvider _clock = new();

    private SqliteEventStore Store => (SqliteEventStore)_opened.Store;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_carry_their_global_position_and_a_page_from_the_start_begins_at_the_first()
    {
        await Store.AppendAsync("a-1", ExpectedVersion.Any, TestEvents.Many(2), Cancel);
        await Store.AppendAsync("b-1", ExpectedVersion.Any, TestEvents.Many(1), Cancel);

        var page = await new SqliteFeedReader(Store).ReadAsync(new FeedRequest(), Cancel);

        Assert.Equal([1L, 2L, 3L], page.Events.Select(e => e.Position!.Value));
        Assert.True(page.CaughtUp);
    }

    [Fact]
    public async Task A_filter_matching_nothing_in_a_long_stretch_answers_empty_pages_whose_cursor_moves_on_until_caught_up()
    {
        for (var i = 0; i < 260; i++) await Store.AppendAsync($"noise-{i}", ExpectedVersion.Any, TestEvents.Many(100), Cancel);
        var wanted = TestEvents.New("Wanted");
        await Store.AppendAsync("rare-1", ExpectedVersion.Any, [wanted], Cancel);
        var reader = new SqliteFeedReader(Store);
        var filter = new FeedFilter(new HashSet<string> { "Wanted" });

        var cursors = new List<string>();
        var found = new List<RecordedEvent>();
        FeedPage page;
        string? cursor = null;
        do
        {
            page = await reader.ReadAsync(new FeedRequest { After = cursor, Filter = filter }, Cancel);
            found.AddRange(page.Events);
            cursors.Add(cursor = page.Next);
        } while (!page.CaughtUp && cursors.Count < 100);

        Assert.Equal(wanted.EventId, Assert.Single(found).EventId);
        Assert.Equal(cursors.Count, cursors.Distinct().Count()); // never the same cursor twice: the scan progresses
        Assert.Equal(26_000 / SqliteFeedReader.ScanWindow + 1, cursors.Count); // each request looked at one window
    }

    [Fact]
    public async Task Since_starts_at_the_first_event_committed_at_or_after_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        await using var opened = new TimedStore(clock);
        await opened.Store.AppendAsync("early-1", ExpectedVersion.Any, TestEvents.Many(3), Cancel);
        clock.Advance(TimeSpan.FromMinutes(1));
        var late = TestEvents.Many(2);
        await opened.Store.AppendAsync("late-1", ExpectedVersion.Any, late, Cancel);

        var page = await new SqliteFeedReader(opened.Store).ReadAsync(
            new FeedRequest { Filter = new FeedFilter(Since: clock.GetUtcNow().AddSeconds(-30)) }, Cancel);
        var atTheInstant = await new SqliteFeedReader(opened.Store).ReadAsync(
            new FeedRequest { Filter = new FeedFilter(Since: clock.GetUtcNow()) }, Cancel);

        Assert.Equal(late.Select(e => e.EventId), page.Events.Select(e => e.EventId));
        Assert.Equal(late.Select(e => e.EventId), atTheInstant.Events.Select(e => e.EventId));
    }

    [Fact]
    public async Task A_long_poll_wakes_on_the_commit_without_time_passing()
    {
        await Store.AppendAsync("a-1", ExpectedVersion.Any, TestEvents.Many(1), Cancel);
        var reader = new SqliteFeedReader(Store, _clock); // the clock never moves: only the commit can end the wait
        var head = await reader.ReadAsync(new FeedRequest(), Cancel);

        var waiting = reader.ReadAsync(new FeedRequest { After = head.Next, Wait = FeedRequest.MaxWait }, Cancel);
        var appended = TestEvents.New("Appended");
        await Store.AppendAsync("b-1", ExpectedVersion.Any, [appended], Cancel);

        Assert.Equal(appended.EventId, Assert.Single((await waiting.WaitAsync(TimeSpan.FromMinutes(1), Cancel)).Events).EventId);
    }

    [Fact]
    public async Task A_long_poll_with_nothing_new_answers_an_empty_page_with_the_same_cursor_once_the_wait_is_over()
    {
        await Store.AppendAsync("a-1", ExpectedVersion.Any, TestEvents.Many(1), Cancel);
        var reader = new SqliteFeedReader(Store, _clock);
        var head = await reader.ReadAsync(new FeedRequest(), Cancel);

        var waiting = reader.ReadAsync(new FeedRequest { After = head.Next, Wait = TimeSpan.FromSeconds(5) }, Cancel);
        _clock.Advance(TimeSpan.FromSeconds(4));
        var before = waiting.IsCompleted;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var page = await waiting;

        Assert.False(before);
        Assert.Empty(page.Events);
        Assert.Equal(head.Next, page.Next);
    }

    [Fact]
    public async Task A_cursor_pointing_before_the_start_is_refused()
    {
        var negative = FeedCursor.Encode(SqliteFeedReader.StoreName, new { p = -5 });

        await Assert.ThrowsAsync<InvalidFeedCursorException>(() => new SqliteFeedReader(Store).ReadAsync(new FeedRequest { After = negative }, Cancel));
    }

    [Fact]
    public async Task A_cursor_past_the_newest_event_is_refused_as_another_stores()
    {
        await Store.AppendAsync("a-1", ExpectedVersion.Any, TestEvents.Many(2), Cancel);
        var elsewhere = FeedCursor.Encode(SqliteFeedReader.StoreName, new { p = 3 });

        var error = await Assert.ThrowsAsync<InvalidFeedCursorException>(() => new SqliteFeedReader(Store).ReadAsync(new FeedRequest { After = elsewhere }, Cancel));
        Assert.Contains("another store", error.Message, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _opened.Close();

    private sealed class TimedStore : IAsyncDisposable
    {
        private readonly TempDirectory _folder = new();

        public TimedStore(TimeProvider clock) =>
            Store = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = _folder.File("events.db"), TimeProvider = clock });

        public SqliteEventStore Store { get; }

        public async ValueTask DisposeAsync()
        {
            await Store.DisposeAsync();
            _folder.Dispose();
        }
    }
}
