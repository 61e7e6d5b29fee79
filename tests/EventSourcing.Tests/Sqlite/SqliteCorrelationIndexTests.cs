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

/// <summary>A trace reads only its own rows: SQLite plans it through the correlation index, in position order without a sort.</summary>
public sealed class SqliteCorrelationIndexPlanTests
{
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
