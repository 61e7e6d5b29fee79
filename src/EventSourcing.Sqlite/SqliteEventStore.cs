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

    private SqliteEventStore(SqliteDatabase database, SqliteStoreOptions options, Action<SqliteConnection>? writerConnectionOpened)
    {
        _database = database;
        _options = options;
        _writer = new GroupCommitWriter(database, options, writerConnectionOpened);
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
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        string streamId, StreamReadOptions options, CancellationToken cancellationToken = default)
    {
        StreamId.Validate(streamId);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        // A command that already knows the stream (the state cache) asks only for what follows: often nothing.
        if (options.Direction == ReadDirection.Forward && options.FromVersion is { } from && _writer.TryGetVersion(streamId, out var known) && from > known)
            return [];

        await using var connection = _database.OpenConnection();
        // One read transaction: the existence check and the rows come from the same snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        if (StreamVersion(connection, streamId, transaction) == 0) throw new StreamNotFoundException(streamId);

        var forward = options.Direction == ReadDirection.Forward;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"""
            SELECT {EventColumns} FROM events
            WHERE stream_id = $stream AND version {(forward ? ">=" : "<=")} $from
              AND version <= $until AND timestamp <= $untilTime
            ORDER BY version {(forward ? "ASC" : "DESC")}
            LIMIT $max
            """;
        command.Parameters.AddWithValue("$stream", streamId);
        command.Parameters.AddWithValue("$from", options.FromVersion ?? (forward ? 1 : long.MaxValue));
        command.Parameters.AddWithValue("$until", options.UntilVersion ?? long.MaxValue);
        command.Parameters.AddWithValue("$untilTime", options.Until?.UtcTicks ?? long.MaxValue);
        command.Parameters.AddWithValue("$max", options.MaxCount);
        return EventRows.ReadAll(command);
    }

    /// <inheritdoc />
    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        StreamId.Validate(streamId);
        if (_writer.TryGetVersion(streamId, out var known)) return known;
        await using var connection = _database.OpenConnection();
        return StreamVersion(connection, streamId);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long fromPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromPosition);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        await using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        // Positions are assigned by the single writer in commit order, so a committed prefix has no holes:
        // reading "position >= from" can never skip an event that commits later.
        command.CommandText = $"SELECT {EventColumns} FROM events WHERE position >= $from ORDER BY position LIMIT $max";
        command.Parameters.AddWithValue("$from", fromPosition);
        command.Parameters.AddWithValue("$max", maxCount);
        return EventRows.ReadAll(command);
    }

    /// <inheritdoc />
    public async Task<long> GetHeadPositionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(position), 0) FROM events";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>From the streams table (its primary key orders and bounds the scan), with each newest event's commit time.</summary>
    public async Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string? prefix, string? after, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        prefix ??= "";
        await using var connection = _database.OpenConnection();
        // Every id with the prefix sorts from the prefix itself up to the prefix followed by the highest code point.
        using var command = connection.Command(null,
            """
            SELECT s.stream_id, s.version, e.timestamp FROM streams s
            JOIN events e ON e.stream_id = s.stream_id AND e.version = s.version
            WHERE s.stream_id >= $prefix AND s.stream_id < $prefix || char(1114111) AND substr(s.stream_id, 1, length($prefix)) = $prefix
              AND s.stream_id > $after
            ORDER BY s.stream_id LIMIT $max
            """,
            ("$prefix", prefix), ("$after", after ?? ""), ("$max", maxCount));
        using var rows = await command.ExecuteReaderAsync(cancellationToken);
        var streams = new List<StreamSummary>();
        while (await rows.ReadAsync(cancellationToken)) streams.Add(new StreamSummary(rows.GetString(0), rows.GetInt64(1), rows.Instant(2)));
        return streams;
    }

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

    private static long StreamVersion(SqliteConnection connection, string streamId, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM streams WHERE stream_id = $stream";
        command.Parameters.AddWithValue("$stream", streamId);
        return command.ExecuteScalar() is long version ? version : 0;
    }
}
