using EventSourcing.Sagas.Embedded;
using EventSourcing.Subscriptions;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite.Sagas;

/// <summary>
/// The embedded runner's bookkeeping in a small file of its own: which instances may still run, and how far each
/// feed subscription (the saga triggers) has read and what it parked. Histories themselves are event streams in the event store.
/// </summary>
// The file and its lifetime live here; each table has a type of its own: RunningSagaRows, CheckpointRows and
// SubscriptionDeadLetterRows. One object serves all three interfaces so hosts register one file.
public sealed class SqliteSagaStore : ISagaInstanceIndex, ISubscriptionCheckpoints, ISubscriptionDeadLetterStore, IReportsConnectionSettings, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly RunningSagaRows _running;
    private readonly CheckpointRows _checkpoints;
    private readonly SubscriptionDeadLetterRows _deadLetters;

    /// <summary>Opens (creating if needed) the database file at <paramref name="databasePath"/>.</summary>
    /// <exception cref="InvalidOperationException">Another store instance or process has the file open.</exception>
    public SqliteSagaStore(string databasePath)
    {
        _database = SqliteDatabase.Open(databasePath, durable: true, Migrate, "saga store");
        _running = new RunningSagaRows(_database);
        _checkpoints = new CheckpointRows(_database);
        _deadLetters = new SubscriptionDeadLetterRows(_database);
    }

    /// <inheritdoc />
    public Task AddAsync(string instanceId, string orchestrator, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        _running.AddAsync(instanceId, orchestrator, at, cancellationToken);

    /// <inheritdoc />
    public Task RemoveAsync(string instanceId, CancellationToken cancellationToken = default) => _running.RemoveAsync(instanceId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetRunningAsync(CancellationToken cancellationToken = default) => _running.GetRunningAsync(cancellationToken);

    /// <inheritdoc />
    public Task<long> GetAsync(string subscription, CancellationToken cancellationToken = default) => _checkpoints.GetAsync(subscription, cancellationToken);

    /// <inheritdoc />
    public Task SaveAsync(string subscription, long position, CancellationToken cancellationToken = default) =>
        _checkpoints.SaveAsync(subscription, position, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, Guid>> GetParkedKeysAsync(
        string subscription, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        _deadLetters.GetParkedKeysAsync(subscription, keys, cancellationToken);

    /// <inheritdoc />
    public Task ParkAsync(SubscriptionDeadLetter letter, CancellationToken cancellationToken = default) => _deadLetters.ParkAsync(letter, cancellationToken);

    /// <inheritdoc />
    public Task ReleaseAsync(SubscriptionDeadLetter letter, CancellationToken cancellationToken = default) => _deadLetters.ReleaseAsync(letter, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SubscriptionDeadLetter>> ListAsync(string subscription, CancellationToken cancellationToken = default) =>
        _deadLetters.ListAsync(subscription, cancellationToken);

    Task<IReadOnlyList<ConnectionSettings>> IReportsConnectionSettings.ReadConnectionSettingsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConnectionSettings>>([_database.ReadSettings("saga store and subscription checkpoints")]);

    /// <summary>Closes the pooled connections of the file and releases its lock.</summary>
    public void Dispose() => _database.Dispose();

    private static void Migrate(SqliteConnection connection) =>
        connection.Run(RunningSagaRows.Schema + CheckpointRows.Schema + SubscriptionDeadLetterRows.Schema);
}
