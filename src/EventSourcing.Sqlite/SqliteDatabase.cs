using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>
/// One database file (events, read models or idempotent responses): connection settings, schema on open,
/// and a lock file so only one store instance writes it. The feed's gap-free guarantee rests on a single
/// event writer, and two projection stores on one file would apply every event twice.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly FileStream _lock;
    private readonly bool _durable;

    private SqliteDatabase(string connectionString, FileStream fileLock, bool durable)
    {
        ConnectionString = connectionString;
        _unpooledConnectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        _lock = fileLock;
        _durable = durable;
    }

    private readonly string _unpooledConnectionString;

    public string ConnectionString { get; }

    /// <summary>Opens (creating when missing) the file at <paramref name="databasePath"/> in WAL mode and migrates it.</summary>
    /// <param name="durable">Commits fsync (synchronous FULL) before they return.</param>
    /// <param name="migrate">Brings the schema up to date; runs once, on open.</param>
    /// <param name="kind">What the file holds, for the error when another instance has it open.</param>
    /// <exception cref="InvalidOperationException">Another store instance or process has the file open.</exception>
    public static SqliteDatabase Open(string databasePath, bool durable, Action<SqliteConnection> migrate, string kind)
    {
        var path = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fileLock = AcquireLock(path, kind);
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
            var database = new SqliteDatabase(connectionString, fileLock, durable);
            using var connection = database.OpenConnection();
            connection.Run("PRAGMA journal_mode = WAL;");
            migrate(connection);
            return database;
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    /// <summary>An open connection with the per-connection settings every user of the file needs.</summary>
    /// <param name="pooled">
    /// False for a connection that must really close when disposed: the event writer's, which it throws away after a
    /// storage fault rather than hand a connection in an unknown state back to the pool for readers.
    /// </param>
    public SqliteConnection OpenConnection(bool pooled = true)
    {
        var connection = new SqliteConnection(pooled ? ConnectionString : _unpooledConnectionString);
        connection.Open();
        // temp_store MEMORY keeps each append's savepoint journal off disk (it spills to a temp file past
        // 64 KiB otherwise, doubling the cost of a group commit). Checkpoints run inside a commit: every
        // 10,000 pages (about 40 MB of WAL) instead of 1,000 keeps that pause off most group commits.
        // Neither changes durability.
        connection.Run($"""
            PRAGMA synchronous = {(_durable ? "FULL" : "NORMAL")};
            PRAGMA busy_timeout = 30000;
            PRAGMA temp_store = MEMORY;
            PRAGMA wal_autocheckpoint = 10000;
            """);
        return connection;
    }

    /// <summary>What a connection of this file, opened as the stores open theirs, runs with: read back from it.</summary>
    public ConnectionSettings ReadSettings(string store)
    {
        using var connection = OpenConnection();
        return ConnectionSettings.Read(connection, store);
    }

    /// <summary>Closes the pooled connections of this file (so it can be moved or deleted) and releases the lock.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
        _lock.Dispose();
    }

    private static FileStream AcquireLock(string path, string kind)
    {
        try
        {
            return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"The {kind} '{path}' is already open in another store instance or process.", e);
        }
    }
}
