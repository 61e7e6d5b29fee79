using EventSourcing.Sqlite;
using EventSourcing.Tests.Contract;
using EventSourcing.Tests.Support;

namespace EventSourcing.Tests.Sqlite;

/// <summary>Opens SQLite stores in a temporary folder and removes them when closed.</summary>
public static class SqliteStores
{
    public static StoreUnderTest Open(int maxAppendsPerCommit = 512)
    {
        var folder = new TempDirectory();
        var store = SqliteEventStore.Open(new SqliteStoreOptions
        {
            DatabasePath = folder.File("events.db"),
            MaxAppendsPerCommit = maxAppendsPerCommit,
        });
        return new StoreUnderTest(store, store.Snapshots, store, async () =>
        {
            await store.DisposeAsync();
            folder.Dispose();
        });
    }
}

public sealed class SqliteEventStoreContract : EventStoreContract
{
    protected override Task<StoreUnderTest> OpenStoreAsync() => Task.FromResult(SqliteStores.Open());
}

/// <summary>The same contract with group commit off: each append is its own transaction.</summary>
public sealed class SqliteOneAppendPerCommitContract : EventStoreContract
{
    protected override Task<StoreUnderTest> OpenStoreAsync() => Task.FromResult(SqliteStores.Open(maxAppendsPerCommit: 1));
}
