using EventSourcing.Store;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>
/// The embedded event store. Appends go through one group-commit writer; reads use their own
/// pooled connections and see only committed data (WAL snapshot isolation).
/// </summary>
/// <remarks>
/// A write that fails on the disk (full, failing) throws <see cref="StoreUnavailableException"/> when nothing of it was
/// committed and <see cref="AppendOutcomeUnknownException"/> when that cannot be told; the store keeps serving and
/// writes again once the fault is gone. <see cref="CheckWritesAsync"/> says whether writes work now.
/// </remarks>
public sealed class SqliteEventStore : IEventStore, IEventFeed, IStreamDirectory, IWriteHealth, IReportsConnectionSettings, IAsyncDisposable
{
    internal const string EventColumns =
        "event_id, stream_id, version, position, type, schema_version, timestamp, data, correlation_id, causation_id, headers";

    private readonly SqliteDatabase _database;
    private readonly GroupCommitWriter _writer;
    private readonly SqliteStoreOptions _options;
    private readonly StreamReads _streams;
    private readonly GlobalLogReads _log;
    private readonly StreamListing _listing;

    private SqliteEventStore(SqliteDatabase database, SqliteStoreOptions options, Action<SqliteConnection>? writerConnectionOpened)
    {
        _database = database;
        _options = options;
        _writer = new GroupCommitWriter(database, options, writerConnectionOpened);
        _streams = new StreamReads(database, _writer);
        _log = new GlobalLogReads(database);
        _listing = new StreamListing(database);
        Snapshots = new SqliteSnapshotStore(database);
        Correlations = new SqliteCorrelationIndex(database);
    }

    internal SqliteDatabase Database => _database;

    /// <summary>Snapshots kept in the same database file.</summary>
    public SqliteSnapshotStore Snapshots { get; }

    /// <summary>Events by correlation id, over the same database's index of them.</summary>
    public SqliteCorrelationIndex Correlations { get; }

    /// <summary>Opens (creating or migrating) the database at <see cref="SqliteStoreOptions.DatabasePath"/>.</summary>
    /// <exception cref="InvalidOperationException">Another store instance or process has the file open.</exception>
    public static SqliteEventStore Open(SqliteStoreOptions options) => Open(options, writerConnectionOpened: null);

    /// <param name="writerConnectionOpened">Sees each connection the writer opens: fault tests break one for real.</param>
    internal static SqliteEventStore Open(SqliteStoreOptions options, Action<SqliteConnection>? writerConnectionOpened)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAppendsPerCommit, 1);
        var database = SqliteDatabase.Open(options.DatabasePath, options.DurableCommits, Schema.Migrate, "event store");
        try
        {
            return new SqliteEventStore(database, options, writerConnectionOpened);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        AppendGuard.Validate(streamId, events, _options.Limits);
        // Copy: the caller may reuse its list while the append waits for the next commit.
        return _writer.EnqueueAsync(new PendingAppend(streamId, expectedVersion, [.. events]), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, StreamReadOptions options, CancellationToken cancellationToken = default) =>
        _streams.ReadStreamAsync(streamId, options, cancellationToken);

    /// <inheritdoc />
    public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default) =>
        _streams.GetStreamVersionAsync(streamId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long fromPosition, int maxCount, CancellationToken cancellationToken = default) =>
        _log.ReadAllAsync(fromPosition, maxCount, cancellationToken);

    /// <inheritdoc />
    public Task<long> GetHeadPositionAsync(CancellationToken cancellationToken = default) => _log.GetHeadPositionAsync(cancellationToken);

    /// <summary>From the streams table (its primary key orders and bounds the scan), with each newest event's commit time.</summary>
    public Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string? prefix, string? after, int maxCount, CancellationToken cancellationToken = default) =>
        _listing.ListStreamsAsync(prefix, after, maxCount, cancellationToken);

    /// <summary>Completes as soon as a commit moves the head past <paramref name="afterPosition"/>; no polling.</summary>
    public Task WaitForEventsAsync(long afterPosition, CancellationToken cancellationToken = default) =>
        _writer.WaitForEventsAsync(afterPosition, cancellationToken);

    /// <summary>
    /// Null when appends work. After an append failed on the disk, commits a probe row to see whether they work again,
    /// so a health check reports recovery (space freed) without waiting for the next append.
    /// </summary>
    public Task<string?> CheckWritesAsync(CancellationToken cancellationToken = default) => _writer.CheckWritesAsync(cancellationToken);

    async Task<IReadOnlyList<ConnectionSettings>> IReportsConnectionSettings.ReadConnectionSettingsAsync(CancellationToken cancellationToken) =>
    [
        await _writer.RunOnConnectionAsync(connection => ConnectionSettings.Read(connection, "event store: writer"), cancellationToken),
        _database.ReadSettings("event store: snapshots and reads"),
    ];

    /// <summary>Finishes every queued append, then closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _database.Dispose();
    }
}
