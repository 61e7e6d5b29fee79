using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>
/// One database file: connection settings, schema on open, and a lock file so only one process
/// writes it (the feed's gap-free guarantee rests on a single writer).
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly FileStream _lock;

    private SqliteDatabase(string connectionString, FileStream fileLock)
    {
        ConnectionString = connectionString;
        _lock = fileLock;
    }

    public string ConnectionString { get; }

    public static SqliteDatabase Open(SqliteStoreOptions options)
    {
        var path = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fileLock = AcquireLock(path);
        try
        {
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Cache = SqliteCacheMode.Private,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
            var database = new SqliteDatabase(connectionString, fileLock);
            using var connection = database.OpenConnection(durable: options.DurableCommits);
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Schema.Migrate(connection);
            return database;
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    /// <summary>An open connection with the per-connection settings every user of the file needs.</summary>
    public SqliteConnection OpenConnection(bool durable = true)
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        // temp_store MEMORY keeps each append's savepoint journal off disk (it spills to a temp file past
        // 64 KiB otherwise, doubling the cost of a group commit). Checkpoints run inside a commit: every
        // 10,000 pages (about 40 MB of WAL) instead of 1,000 keeps that pause off most group commits.
        // Neither changes durability.
        Execute(connection, $"""
            PRAGMA synchronous = {(durable ? "FULL" : "NORMAL")};
            PRAGMA busy_timeout = 30000;
            PRAGMA temp_store = MEMORY;
            PRAGMA wal_autocheckpoint = 10000;
            """);
        return connection;
    }

    /// <summary>Closes the pooled connections of this file (so it can be moved or deleted) and releases the lock.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
        _lock.Dispose();
    }

    private static FileStream AcquireLock(string path)
    {
        try
        {
            return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"The event store '{path}' is already open in another store instance or process.", e);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
