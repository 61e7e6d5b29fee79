using EventSourcing.Sqlite;
using EventSourcing.Store;
using EventSourcing.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Tests.Sqlite;

public sealed class SqliteStoreLifecycleTests
{
    [Fact]
    public async Task Events_and_snapshots_are_there_after_closing_and_reopening()
    {
        using var folder = new TempDirectory();
        var options = new SqliteStoreOptions { DatabasePath = folder.File("nested/dir/events.db") };
        var sent = TestEvents.Many(3);
        await using (var store = SqliteEventStore.Open(options))
        {
            await store.AppendAsync("order-1", ExpectedVersion.NoStream, sent);
            await store.Snapshots.SaveAsync(new("order-1", 3, "Order", 1, "{}"u8.ToArray(), DateTimeOffset.UtcNow));
        }

        await using var reopened = SqliteEventStore.Open(options);

        Assert.Equal(sent.Select(e => e.EventId), (await reopened.ReadStreamAsync("order-1", StreamReadOptions.All)).Select(e => e.EventId));
        Assert.Equal(3, (await reopened.Snapshots.LoadAsync("order-1"))!.Version);
        Assert.Equal(4, (await reopened.AppendAsync("order-1", ExpectedVersion.Exact(3), [TestEvents.New()])).StreamVersion);
    }

    [Fact]
    public async Task Reading_past_the_end_sees_every_append_acknowledged_since_under_concurrent_writers()
    {
        using var folder = new TempDirectory();
        await using var store = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = folder.File("events.db") });
        await store.AppendAsync("tail-1", ExpectedVersion.NoStream, [TestEvents.New()]);
        Assert.Empty(await store.ReadStreamAsync("tail-1", new StreamReadOptions(FromVersion: 2)));

        // Each writer reads past what it knows right after each acknowledged append: it must find its own event.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                var written = await store.AppendAsync("tail-1", ExpectedVersion.Any, [TestEvents.New()]);
                var tail = await store.ReadStreamAsync("tail-1", new StreamReadOptions(FromVersion: written.StreamVersion));
                Assert.Equal(written.StreamVersion, tail[0].StreamVersion);
                Assert.True(await store.GetStreamVersionAsync("tail-1") >= written.StreamVersion);
            }
        })));

        Assert.Equal(401, await store.GetStreamVersionAsync("tail-1"));
        Assert.Empty(await store.ReadStreamAsync("tail-1", new StreamReadOptions(FromVersion: 402)));
    }

    [Fact]
    public async Task A_database_already_open_cannot_be_opened_by_a_second_store()
    {
        using var folder = new TempDirectory();
        var options = new SqliteStoreOptions { DatabasePath = folder.File("events.db") };
        await using var first = SqliteEventStore.Open(options);

        var error = Assert.Throws<InvalidOperationException>(() => SqliteEventStore.Open(options));

        Assert.Contains("already open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused_not_misread()
    {
        using var folder = new TempDirectory();
        var options = new SqliteStoreOptions { DatabasePath = folder.File("events.db") };
        await using (SqliteEventStore.Open(options)) { }
        using (var connection = new SqliteConnection($"Data Source={options.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => SqliteEventStore.Open(options));

        Assert.Contains("newer build", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Appends_queued_before_closing_are_committed()
    {
        using var folder = new TempDirectory();
        var options = new SqliteStoreOptions { DatabasePath = folder.File("events.db") };
        Task<AppendResult>[] pending;
        await using (var store = SqliteEventStore.Open(options))
            pending = [.. Enumerable.Range(0, 200).Select(i => store.AppendAsync($"close-{i}", ExpectedVersion.NoStream, [TestEvents.New()]))];

        await Task.WhenAll(pending);
        await using var reopened = SqliteEventStore.Open(options);
        Assert.Equal(200, await reopened.GetHeadPositionAsync());
    }
}
