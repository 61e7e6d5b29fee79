using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite.Projections;

/// <summary>
/// The read-model database file: connection settings, schema on open, and a lock file so only one projection
/// store (and so one runner) writes it; two would apply every event twice.
/// </summary>
internal sealed class ReadModelDatabase : IDisposable
{
    private readonly FileStream _lock;
    private readonly bool _durable;

    private ReadModelDatabase(string connectionString, FileStream fileLock, bool durable)
    {
        ConnectionString = connectionString;
        _lock = fileLock;
        _durable = durable;
    }

    public string ConnectionString { get; }

    public static ReadModelDatabase Open(SqliteProjectionStoreOptions options)
    {
        var path = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FileStream fileLock;
        try
        {
            fileLock = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"The read-model database '{path}' is already open in another store instance or process.", e);
        }

        try
        {
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
            var database = new ReadModelDatabase(connectionString, fileLock, options.DurableCommits);
            using var connection = database.OpenConnection();
            connection.Run("PRAGMA journal_mode = WAL;");
            ReadModelSchema.Migrate(connection);
            Optimize(connection);
            return database;
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        connection.Run($"PRAGMA synchronous = {(_durable ? "FULL" : "NORMAL")}; PRAGMA busy_timeout = 30000; PRAGMA temp_store = MEMORY;");
        return connection;
    }

    /// <summary>
    /// Refreshes planner statistics where tables grew a lot (bounded work). Without them SQLite walks documents in
    /// key order instead of using a property index, which turns filtered queries into scans.
    /// </summary>
    public static void Optimize(SqliteConnection connection) => connection.Run("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;");

    /// <summary>Closes this file's pooled connections (so it can be moved or deleted) and releases the lock.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
        _lock.Dispose();
    }
}
