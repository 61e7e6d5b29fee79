using EventSourcing.Sqlite;
using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Tests.Sqlite;

public sealed class FeedCompletenessTests
{
    [Fact]
    public async Task A_reader_following_the_feed_during_concurrent_writes_sees_every_event_once_in_order()
    {
        using var folder = new TempDirectory();
        var cancellation = TestContext.Current.CancellationToken;
        await using var store = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = folder.File("events.db") });
        var writersDone = false;

        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var ids = new List<Guid>();
            for (var i = 0; i < 400; i++)
            {
                var events = TestEvents.Many(1 + i % 3);
                await store.AppendAsync($"feed-{w}-{i % 25}", ExpectedVersion.Any, events, cancellation);
                ids.AddRange(events.Select(e => e.EventId));
            }
            return ids;
        }, cancellation)).ToArray();
        var all = Task.WhenAll(writers).ContinueWith(_ => writersDone = true, cancellation, TaskContinuationOptions.None, TaskScheduler.Default);

        var seen = new List<RecordedEvent>();
        long next = 1;
        while (true)
        {
            var done = Volatile.Read(ref writersDone);
            var page = await store.ReadAllAsync(next, 64, cancellation);
            seen.AddRange(page);
            if (page.Count > 0) next = page[^1].Position!.Value + 1;
            else if (done) break;
        }
        await all;

        var written = (await Task.WhenAll(writers)).SelectMany(ids => ids).ToList();
        Assert.Equal(written.Count, seen.Count);
        Assert.Equal(written.Order(), seen.Select(e => e.EventId).Order());
        Assert.True(seen.Zip(seen.Skip(1)).All(pair => pair.First.Position < pair.Second.Position), "positions must strictly increase");
    }
}
