using EventSourcing.Projections;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite.Projections;

/// <summary>
/// Read models, checkpoints and dead letters in a database file of their own. Each page commits documents,
/// dead letters and checkpoint in one transaction; reads see only committed pages of the active generation.
/// </summary>
// The file and its lifetime live here; each job over it has a type of its own: GenerationRows, ProjectionStateReads,
// PageCommits and ReadModelQueries.
public sealed class SqliteProjectionStore : IProjectionStore, IReadModelStore, IReportsConnectionSettings, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly GenerationRows _generations;
    private readonly ProjectionStateReads _state;
    private readonly PageCommits _commits;
    private readonly ReadModelQueries _queries;

    private SqliteProjectionStore(SqliteDatabase database, SqliteProjectionStoreOptions options)
    {
        _database = database;
        _generations = new GenerationRows(database, options.TimeProvider);
        _state = new ProjectionStateReads(database);
        _commits = new PageCommits(database);
        _queries = new ReadModelQueries(database, options.JsonOptions);
    }

    /// <summary>Opens (creating or migrating) the database at <see cref="SqliteProjectionStoreOptions.DatabasePath"/>.</summary>
    /// <exception cref="InvalidOperationException">Another store instance or process has the file open, or its schema is newer.</exception>
    public static SqliteProjectionStore Open(SqliteProjectionStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SqliteProjectionStore(SqliteDatabase.Open(options.DatabasePath, options.DurableCommits, MigrateAndOptimize, "read-model database"), options);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A projection name or indexed property is invalid.</exception>
    public Task<IReadOnlyList<ProjectionGeneration>> EnsureProjectionsAsync(IReadOnlyCollection<IProjection> projections, CancellationToken cancellationToken = default) =>
        _generations.EnsureProjectionsAsync(projections, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProjectionGeneration>> GetGenerationsAsync(CancellationToken cancellationToken = default) =>
        _generations.GetGenerationsAsync(cancellationToken);

    /// <inheritdoc />
    /// <exception cref="UnknownProjectionException">The projection has no generation yet.</exception>
    public Task<ProjectionGeneration> StartRebuildAsync(string projection, CancellationToken cancellationToken = default) =>
        _generations.StartRebuildAsync(projection, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The projection has no such generation.</exception>
    public Task PromoteAsync(string projection, int generation, CancellationToken cancellationToken = default) =>
        _generations.PromoteAsync(projection, generation, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, StoredDocument>> LoadDocumentsAsync(
        string projection, int generation, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        _state.LoadDocumentsAsync(projection, generation, keys, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, long>> GetParkedStreamsAsync(
        string projection, int generation, IReadOnlyCollection<string> streamIds, CancellationToken cancellationToken = default) =>
        _state.GetParkedStreamsAsync(projection, generation, streamIds, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string projection, int generation, CancellationToken cancellationToken = default) =>
        _state.GetDeadLettersAsync(projection, generation, cancellationToken);

    /// <inheritdoc />
    public Task CommitAsync(ProjectionChanges changes, CancellationToken cancellationToken = default) => _commits.CommitAsync(changes, cancellationToken);

    /// <inheritdoc />
    public Task<T?> GetAsync<T>(string projection, string key, CancellationToken cancellationToken = default) where T : class =>
        _queries.GetAsync<T>(projection, key, cancellationToken);

    /// <inheritdoc />
    public Task<ReadModelPage<T>> QueryAsync<T>(string projection, ReadModelQuery query, CancellationToken cancellationToken = default) where T : class =>
        _queries.QueryAsync<T>(projection, query, cancellationToken);

    Task<IReadOnlyList<ConnectionSettings>> IReportsConnectionSettings.ReadConnectionSettingsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConnectionSettings>>([_database.ReadSettings("projection store: read models, checkpoints, dead letters")]);

    /// <summary>Closes the pooled connections of the file and releases its lock.</summary>
    public void Dispose() => _database.Dispose();

    private static void MigrateAndOptimize(SqliteConnection connection)
    {
        ReadModelSchema.Migrate(connection);
        ReadModelMaintenance.Optimize(connection);
    }
}
