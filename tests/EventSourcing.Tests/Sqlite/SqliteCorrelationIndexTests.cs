using EventSourcing.Sqlite;
using EventSourcing.Store;
using EventSourcing.Tests.Contract;
using EventSourcing.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Tests.Sqlite;

public sealed class SqliteCorrelationIndexContract : CorrelationIndexContract
{
    protected override Task<CorrelationIndexUnderTest> OpenAsync()
    {
        var sut = SqliteStores.Open();
        return Task.FromResult(new CorrelationIndexUnderTest(sut.Store, ((SqliteEventStore)sut.Store).Correlations, sut.Close));
    }
}

/// <summary>The SQLite correlation index itself: added to databases of older schemas, and planned so a trace reads only its own rows, in position order without a sort.</summary>
public sealed class SqliteCorrelationIndexTests
{
    [Fact]
    public async Task Given_a_database_from_before_the_index_When_it_is_opened_Then_it_gains_the_index_and_its_events_are_traced()
    {
        using var folder = new TempDirectory();
        var path = folder.File("events.db");
        var stream = TestEvents.Stream();
        await using (var store = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = path }))
            await store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.New(metadata: new EventMetadata("corr-old"))], TestContext.Current.CancellationToken);
        // As shipped before this index: schema version 3, no index.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            downgrade.CommandText = "DROP INDEX events_by_correlation; PRAGMA user_version = 3;";
            downgrade.ExecuteNonQuery();
        }

        await using var reopened = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = path });
        var page = await reopened.Correlations.ReadCorrelatedAsync("corr-old", null, 10, TestContext.Current.CancellationToken);

        Assert.Equal([stream], page.Events.Select(e => e.StreamId));
        Assert.Equal(4L, Scalar(path, "PRAGMA user_version"));
        Assert.Equal(1L, Scalar(path, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'events_by_correlation'"));
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public async Task Given_a_store_with_events_When_a_trace_is_planned_Then_it_searches_the_correlation_index_and_needs_no_sort()
    {
        using var folder = new TempDirectory();
        var path = folder.File("events.db");
        await using (var store = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = path }))
            await store.AppendAsync(TestEvents.Stream(), ExpectedVersion.NoStream, TestEvents.Many(3), TestContext.Current.CancellationToken);

        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqliteCorrelationIndex.Query;
        command.Parameters.AddWithValue("$correlation", "corr-1");
        command.Parameters.AddWithValue("$after", 0);
        command.Parameters.AddWithValue("$max", 10);
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) plan.Add(reader.GetString(3));

        var step = Assert.Single(plan);
        Assert.StartsWith("SEARCH events USING INDEX events_by_correlation (correlation_id=?", step, StringComparison.Ordinal);
        Assert.DoesNotContain(plan, p => p.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }
}
