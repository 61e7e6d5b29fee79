using EventSourcing.Sagas.Embedded;
using EventSourcing.Subscriptions;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite.Sagas;

/// <summary>
/// The embedded runner's bookkeeping in a small file of its own: which instances may still run, and how far each
/// feed subscription (the saga triggers) has read and what it parked. Histories themselves are event streams in the event store.
/// </summary>
public sealed partial class SqliteSagaStore : ISagaInstanceIndex, ISubscriptionCheckpoints, IReportsConnectionSettings, IDisposable
{
    private readonly SqliteDatabase _database;

    Task<IReadOnlyList<ConnectionSettings>> IReportsConnectionSettings.ReadConnectionSettingsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConnectionSettings>>([_database.ReadSettings("saga store and subscription checkpoints")]);

    /// <exception cref="InvalidOperationException">Another store instance or process has the file open.</exception>
    public SqliteSagaStore(string databasePath) =>
        _database = SqliteDatabase.Open(databasePath, durable: true, Migrate, "saga store");

    public Task AddAsync(string instanceId, string orchestrator, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO running_sagas (instance_id, orchestrator, added_at) VALUES ($id, $name, $at) ON CONFLICT DO NOTHING",
            cancellationToken, ("$id", instanceId), ("$name", orchestrator), ("$at", at.UtcTicks));

    public Task RemoveAsync(string instanceId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM running_sagas WHERE instance_id = $id", cancellationToken, ("$id", instanceId));

    public async Task<IReadOnlyList<string>> GetRunningAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = _database.OpenConnection();
        using var command = connection.Command(null, "SELECT instance_id FROM running_sagas ORDER BY added_at");
        using var rows = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await rows.ReadAsync(cancellationToken)) ids.Add(rows.GetString(0));
        return ids;
    }

    public async Task<long> GetAsync(string subscription, CancellationToken cancellationToken = default)
    {
        await using var connection = _database.OpenConnection();
        using var command = connection.Command(null, "SELECT position FROM checkpoints WHERE subscription = $name", ("$name", subscription));
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    public Task SaveAsync(string subscription, long position, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO checkpoints (subscription, position) VALUES ($name, $position) ON CONFLICT (subscription) DO UPDATE SET position = MAX(position, excluded.position)",
            cancellationToken, ("$name", subscription), ("$position", position));

    /// <summary>Closes the pooled connections of the file and releases its lock.</summary>
    public void Dispose() => _database.Dispose();

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = _database.OpenConnection();
        using var command = connection.Command(null, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Migrate(SqliteConnection connection) => connection.Run("""
        CREATE TABLE IF NOT EXISTS running_sagas (
            instance_id  TEXT PRIMARY KEY,
            orchestrator TEXT NOT NULL,
            added_at     INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS checkpoints (
            subscription TEXT PRIMARY KEY,
            position     INTEGER NOT NULL
        ) WITHOUT ROWID;
        """ + DeadLetterTable);
}
