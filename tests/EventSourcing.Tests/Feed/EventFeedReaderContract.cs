using EventSourcing.Feed;
using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Tests.Feed;

/// <summary>
/// What every store's feed reader promises: every event exactly once across pages of any size, each stream in version
/// order (one order across streams where the store has it), also while appends go on; filters; cursors it did not issue
/// refused. Each test writes streams of its own prefix and reads through that filter, so the suite can run on a store
/// other tests share (the Cosmos emulator).
/// </summary>
public abstract class EventFeedReaderContract
{
    protected abstract Task<FeedUnderTest> OpenAsync();

    /// <summary>
    /// Where the tests' reads start on a store other tests fill too (a <c>since</c> shortly before the test), so they
    /// do not page through everything ever written there; null reads from the beginning.
    /// </summary>
    protected virtual DateTimeOffset? SharedStoreStart => null;

    private FeedFilter Mine(string prefix) => new(StreamPrefix: prefix, Since: SharedStoreStart);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_of_every_size_return_every_event_once_in_commit_order()
    {
        await using var feed = await OpenAsync();
        var prefix = TestEvents.Stream("feed") + "-";
        var written = new List<(string Stream, EventData Event)>();
        // Commits of one to four events across three streams, interleaved, so pages start and end inside commits.
        for (var i = 0; i < 12; i++)
        {
            var stream = prefix + "abc"[i % 3];
            var events = TestEvents.Many(1 + i % 4);
            await feed.Store.AppendAsync(stream, ExpectedVersion.Any, events, Cancel);
            written.AddRange(events.Select(e => (stream, e)));
        }

        foreach (var maxCount in new[] { 1, 2, 3, 5, 7, 1000 })
        {
            var read = await ReadAll(feed.Reader, Mine(prefix), maxCount, written.Count);

            AssertOnce(written, read, feed.OneOrderAcrossStreams, $"maxCount={maxCount}");
        }
    }

    [Fact]
    public async Task A_reader_paging_while_appends_go_on_sees_every_event_once()
    {
        await using var feed = await OpenAsync();
        var prefix = TestEvents.Stream("feed") + "-";
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var mine = new List<(string, EventData)>();
            for (var i = 0; i < 30; i++)
            {
                var stream = $"{prefix}{w}-{i % 3}";
                var events = TestEvents.Many(1 + i % 3);
                await feed.Store.AppendAsync(stream, ExpectedVersion.Any, events, Cancel);
                mine.AddRange(events.Select(e => (stream, e)));
            }
            return mine;
        }, Cancel)).ToArray();

        var read = new List<RecordedEvent>();
        string? cursor = null;
        var filter = Mine(prefix);
        while (!writers.All(w => w.IsCompleted))
        {
            var page = await feed.Reader.ReadAsync(new FeedRequest { After = cursor, MaxCount = 4, Filter = filter }, Cancel);
            read.AddRange(page.Events);
            cursor = page.Next;
        }
        var written = (await Task.WhenAll(writers)).SelectMany(w => w).ToList();
        read.AddRange(await ReadAll(feed.Reader, filter, 4, written.Count - read.Count, cursor));

        AssertOnce(written, read, oneOrderAcrossStreams: false, "while appending");
    }

    [Fact]
    public async Task Filters_return_only_matching_events_and_the_cursor_moves_past_the_others()
    {
        await using var feed = await OpenAsync();
        var prefix = TestEvents.Stream("feed") + "-";
        await feed.Store.AppendAsync(prefix + "orders-1", ExpectedVersion.Any, [TestEvents.New("Opened"), TestEvents.New("Noted")], Cancel);
        await feed.Store.AppendAsync(prefix + "stock-1", ExpectedVersion.Any, [TestEvents.New("Opened"), TestEvents.New("Closed")], Cancel);
        await feed.Store.AppendAsync(prefix + "orders-2", ExpectedVersion.Any, [TestEvents.New("Closed")], Cancel);
        var all = await ReadAll(feed.Reader, Mine(prefix), 100, 5);

        var typed = await ReadAll(feed.Reader, new FeedFilter(new HashSet<string> { "Opened", "Closed" }, prefix, SharedStoreStart), 1, 4);
        var orders = await ReadAll(feed.Reader, Mine(prefix + "orders-"), 2, 3);
        var since = all.Single(e => e.StreamId == prefix + "stock-1" && e.StreamVersion == 1).Timestamp;
        var recent = await ReadAll(feed.Reader, new FeedFilter(StreamPrefix: prefix, Since: since), 2, all.Count(e => e.Timestamp >= since));

        Assert.Equal(all.Where(e => e.Type != "Noted").Select(e => e.EventId).Order(), typed.Select(e => e.EventId).Order());
        Assert.Equal(["orders-1", "orders-1", "orders-2"], orders.Select(e => e.StreamId[prefix.Length..]));
        Assert.Contains(recent, e => e.StreamId == prefix + "orders-2");
        Assert.All(recent, e => Assert.True(e.Timestamp >= since));
        Assert.DoesNotContain(recent, e => e.StreamId == prefix + "orders-1" && e.Timestamp < since);
    }

    [Fact]
    public async Task An_empty_page_at_the_end_still_gives_a_cursor_that_returns_the_next_event()
    {
        await using var feed = await OpenAsync();
        var prefix = TestEvents.Stream("feed") + "-";
        var filter = Mine(prefix);
        await feed.Store.AppendAsync(prefix + "a", ExpectedVersion.Any, TestEvents.Many(2), Cancel);
        var (first, cursor) = await ReadToEnd(feed.Reader, filter, null);

        var (none, sameEnd) = await ReadToEnd(feed.Reader, filter, cursor);
        var later = TestEvents.New("Later");
        await feed.Store.AppendAsync(prefix + "a", ExpectedVersion.Any, [later], Cancel);
        var (next, _) = await ReadToEnd(feed.Reader, filter, sameEnd);

        Assert.Equal(2, first.Count);
        Assert.Empty(none);
        Assert.Equal(later.EventId, Assert.Single(next).EventId);
    }

    [Fact]
    public async Task A_long_poll_answers_with_the_event_appended_while_it_waits()
    {
        await using var feed = await OpenAsync();
        var prefix = TestEvents.Stream("feed") + "-";
        var filter = Mine(prefix);
        await feed.Store.AppendAsync(prefix + "a", ExpectedVersion.Any, TestEvents.Many(1), Cancel);
        var (_, cursor) = await ReadToEnd(feed.Reader, filter, null);

        var waiting = WaitForMatching(feed.Reader, filter, cursor);
        var appended = TestEvents.New("Appended");
        await feed.Store.AppendAsync(prefix + "a", ExpectedVersion.Any, [appended], Cancel);

        Assert.Equal(appended.EventId, Assert.Single(await waiting.WaitAsync(TimeSpan.FromMinutes(2), Cancel)).EventId);
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("e30")] // {}
    [InlineData("eyJ2Ijo5LCJzIjoic3FsaXRlIiwicCI6e319")] // another version
    public async Task A_cursor_the_feed_did_not_issue_is_refused(string cursor)
    {
        await using var feed = await OpenAsync();

        await Assert.ThrowsAsync<InvalidFeedCursorException>(() => feed.Reader.ReadAsync(new FeedRequest { After = cursor }, Cancel));
    }

    [Fact]
    public async Task Another_stores_cursor_is_refused()
    {
        await using var feed = await OpenAsync();
        var foreign = FeedCursor.Encode("some-other-store", new { p = 1 });

        var error = await Assert.ThrowsAsync<InvalidFeedCursorException>(() => feed.Reader.ReadAsync(new FeedRequest { After = foreign }, Cancel));
        Assert.Contains("some-other-store", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1001, 0)]
    [InlineData(10, 31)]
    [InlineData(10, -1)]
    public async Task Requests_out_of_bounds_are_refused(int maxCount, int waitSeconds)
    {
        await using var feed = await OpenAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            feed.Reader.ReadAsync(new FeedRequest { MaxCount = maxCount, Wait = TimeSpan.FromSeconds(waitSeconds) }, Cancel));
    }

    /// <summary>One long poll (30 s at most) that returns the events it got, following the cursor over empty filtered pages.</summary>
    private static async Task<IReadOnlyList<RecordedEvent>> WaitForMatching(IEventFeedReader reader, FeedFilter filter, string cursor)
    {
        while (true)
        {
            var page = await reader.ReadAsync(new FeedRequest { After = cursor, Wait = FeedRequest.MaxWait, Filter = filter }, Cancel);
            if (page.Events.Count > 0) return page.Events;
            cursor = page.Next;
        }
    }

    /// <summary>Pages until <paramref name="expected"/> events came and the feed is caught up; the number of pages is bounded so a loop fails.</summary>
    protected static async Task<List<RecordedEvent>> ReadAll(IEventFeedReader reader, FeedFilter filter, int maxCount, int expected, string? after = null)
    {
        var read = new List<RecordedEvent>();
        var cursor = after;
        for (var pages = 0; pages < 100_000; pages++)
        {
            var page = await reader.ReadAsync(new FeedRequest { After = cursor, MaxCount = maxCount, Filter = filter }, Cancel);
            Assert.True(page.Events.Count <= maxCount, $"a page of {page.Events.Count} events for maxCount={maxCount}");
            read.AddRange(page.Events);
            Assert.True(page.Events.Count > 0 || page.Next != cursor || page.CaughtUp, "an empty page that is not caught up must move the cursor");
            cursor = page.Next;
            if (read.Count >= expected && page.CaughtUp) return read;
        }
        throw new InvalidOperationException($"The feed did not catch up; {read.Count} of {expected} events read.");
    }

    private static async Task<(List<RecordedEvent> Events, string Next)> ReadToEnd(IEventFeedReader reader, FeedFilter filter, string? after)
    {
        var read = new List<RecordedEvent>();
        var cursor = after;
        while (true)
        {
            var page = await reader.ReadAsync(new FeedRequest { After = cursor, Filter = filter }, Cancel);
            read.AddRange(page.Events);
            cursor = page.Next;
            if (page.CaughtUp) return (read, cursor);
        }
    }

    private static void AssertOnce(List<(string Stream, EventData Event)> written, List<RecordedEvent> read, bool oneOrderAcrossStreams, string because)
    {
        Assert.True(read.Count == written.Count, $"{because}: {read.Count} events read, {written.Count} written");
        Assert.Equal(written.Select(w => w.Event.EventId).Order(), read.Select(e => e.EventId).Order());
        if (oneOrderAcrossStreams) Assert.Equal(written.Select(w => w.Event.EventId), read.Select(e => e.EventId));
        foreach (var stream in read.GroupBy(e => e.StreamId))
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.Select(e => e.StreamVersion));
        foreach (var e in read)
        {
            var (stream, data) = written.Single(w => w.Event.EventId == e.EventId);
            Assert.Equal((stream, data.Type, data.SchemaVersion), (e.StreamId, e.Type, e.SchemaVersion));
            Assert.Equal(data.Data.ToArray(), e.Data.ToArray());
        }
    }
}
