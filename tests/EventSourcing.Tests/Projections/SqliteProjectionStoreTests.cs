using EventSourcing.Sqlite.Projections;
using EventSourcing.Tests.Support;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Tests.Projections;

public sealed class SqliteProjectionStoreTests
{
    [Fact]
    public void A_read_model_database_already_open_cannot_be_opened_by_a_second_store()
    {
        using var folder = new TempDirectory();
        var options = new SqliteProjectionStoreOptions { DatabasePath = folder.File("readmodels.db") };
        using var first = SqliteProjectionStore.Open(options);

        var error = Assert.Throws<InvalidOperationException>(() => SqliteProjectionStore.Open(options));

        Assert.Contains("already open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuilding_over_an_empty_feed_takes_over_at_once()
    {
        await using var harness = new ProjectionHarness();

        Assert.Equal(2, await harness.Runner.RebuildAsync(AccountBalances.ProjectionName));
        await harness.Runner.CatchUpAsync();

        Assert.Equal(2, Assert.Single(await harness.Statuses()).Version);
        await harness.Append("account-1", new Opened("alice"));
        await harness.Runner.CatchUpAsync();
        Assert.NotNull(await harness.Balance("account-1"));
    }
}
