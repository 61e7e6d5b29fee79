using Microsoft.Data.Sqlite;
using EventSourcing.Projections;

namespace EventSourcing.Sqlite.Projections;

/// <summary>
/// Read models, checkpoints and dead letters in a database file of their own. Each page commits documents,
/// dead letters and checkpoint in one transaction; reads see only committed pages of the active generation.
/// </summary>
public sealed partial class SqliteProjectionStore : IProjectionStore, IReadModelStore, IReportsConnectionSettings, IDisposable
{
    // Statistics go stale as documents pile up; refreshing them now and then keeps property indexes in use.
    private const int OptimizeEveryCommits = 500;

    private readonly SqliteDatabase _database;

    Task<IReadOnlyList<ConnectionSettings>> IReportsConnectionSettings.ReadConnectionSettingsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConnectionSettings>>([_database.ReadSettings("projection store: read models, checkpoints, dead letters")]);
    private readonly SqliteProjectionStoreOptions _options;
    private int _commits;

    private SqliteProjectionStore(SqliteDatabase database, SqliteProjectionStoreOptions options)
    {
        _database = database;
        _options = options;
    }

    /// <summary>Opens (creating or migrating) the database at <see cref="SqliteProjectionStoreOptions.DatabasePath"/>.</summary>
    /// <exception cref="InvalidOperationException">Another store instance or process has the file open, or its schema is newer.</exception>
    public static SqliteProjectionStore Open(SqliteProjectionStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SqliteProjectionStore(SqliteDatabase.Open(options.DatabasePath, options.DurableCommits, MigrateAndOptimize, "read-model database"), options);
    }

    private static void MigrateAndOptimize(SqliteConnection connection)
    {
        ReadModelSchema.Migrate(connection);
        ReadModelMaintenance.Optimize(connection);
    }

    /// <summary>Closes the pooled connections of the file and releases its lock.</summary>
    public void Dispose() => _database.Dispose();

    private long Now() => _options.TimeProvider.GetUtcNow().UtcTicks;
}
