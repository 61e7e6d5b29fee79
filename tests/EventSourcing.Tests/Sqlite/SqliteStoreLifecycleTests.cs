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
