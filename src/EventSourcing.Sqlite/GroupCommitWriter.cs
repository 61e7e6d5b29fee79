using System.Collections.Concurrent;
using System.Threading.Channels;
using EventSourcing.Store;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>
/// The single writer. Appends queue up while a commit is in flight; the next commit takes them all
/// in one transaction and one fsync, each under its own savepoint so each keeps its own expected-version
/// check and outcome. Nobody hears of success until the commit is durable.
/// </summary>
/// <remarks>
/// Under a storage fault (a full or failing disk, a broken connection) every caller still gets an answer, and the
/// true one for its own append: a group that fails before COMMIT wrote nothing and is retried one append per
/// transaction, so one append that does not fit fails alone; a COMMIT that fails is settled by looking the events up
/// on a new connection. The writer throws its connection away after a fault and opens a new one for the next commit,
/// so it recovers as soon as the fault is gone; until then <see cref="Fault"/> says why writes fail.
/// </remarks>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<WriterRequest> _queue = Channel.CreateUnbounded<WriterRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteDatabase _database;
    private readonly SqliteStoreOptions _options;
    private readonly Action<SqliteConnection>? _connectionOpened;
    private readonly Task _loop;
    private SqliteConnection? _connection;
    private AppendStatements? _statements;
    private long _lastTicks;
    private long _head;
    private volatile string? _fault;
    // Swapped on every commit that adds events; followers await it instead of polling the feed.
    private TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Versions of the streams this writer committed to since the store opened. It is the only writer of the file, so
    // a reader asking for events past a stream's version here needs no query. Bounded: past the limit it starts over.
    // A stream whose last append has an unknown outcome is dropped from it: readers then ask the database.
    private readonly ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);
    private const int MaxKnownStreams = 1_000_000;

    /// <param name="connectionOpened">Sees each connection the writer opens (tests use it to break one for real).</param>
    public GroupCommitWriter(SqliteDatabase database, SqliteStoreOptions options, Action<SqliteConnection>? connectionOpened = null)
    {
        _database = database;
        _options = options;
        _connectionOpened = connectionOpened;
        Connect();
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Null while writes work; otherwise why the last one failed.</summary>
    public string? Fault => _fault;

    /// <summary>The stream's version as of the last commit, when this writer has committed to it since the store opened.</summary>
    public bool TryGetVersion(string streamId, out long version) => _versions.TryGetValue(streamId, out version);

    public Task<AppendResult> EnqueueAsync(PendingAppend append, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_queue.Writer.TryWrite(append))
            throw new ObjectDisposedException(nameof(SqliteEventStore), "The event store is closed.");
        return append.Completion.Task;
    }

    /// <summary>Runs <paramref name="work"/> on the writer's connection between two commits.</summary>
    public Task<T> RunOnConnectionAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = new ConnectionWork<T>(work);
        if (!_queue.Writer.TryWrite(request))
            throw new ObjectDisposedException(nameof(SqliteEventStore), "The event store is closed.");
        return request.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Null when writes work. After a failed write, commits a probe row first to see whether they work again.</summary>
    public async Task<string?> CheckWritesAsync(CancellationToken cancellationToken)
    {
        if (_fault is null) return null;
        try
        {
            await RunOnConnectionAsync(connection =>
            {
                Probe(connection);
                RecoverFromFault();
                return true;
            }, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            return _fault ?? Describe(e);
        }
    }

    /// <summary>Completes once a commit has moved the head past <paramref name="afterPosition"/>.</summary>
    public async Task WaitForEventsAsync(long afterPosition, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Take the signal before reading the head: the writer moves the head first, then completes the signal.
            var committed = Volatile.Read(ref _committed).Task;
            if (Interlocked.Read(ref _head) > afterPosition) return;
            await committed.WaitAsync(cancellationToken);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingAppend>(_options.MaxAppendsPerCommit);
        var other = new List<ConnectionRequest>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _options.MaxAppendsPerCommit && _queue.Reader.TryRead(out var request))
                if (request is PendingAppend append) batch.Add(append);
                else other.Add((ConnectionRequest)request);
            if (batch.Count > 0) CommitGuarded(batch);
            foreach (var request in other) Serve(request);
            batch.Clear();
            other.Clear();
        }
    }

    // Nothing may end the loop: a caller left without an answer would wait forever, and so would every later one.
    private void CommitGuarded(List<PendingAppend> batch)
    {
        try
        {
            Commit(batch);
        }
        catch (Exception e)
        {
            // Only a defect in the fault handling gets here; whether anything committed is not known.
            Disconnect();
            RecordFault(e);
            foreach (var append in batch)
                if (!append.Completion.Task.IsCompleted) FailUnknown(append, e);
        }
    }

    private void Commit(List<PendingAppend> batch)
    {
        var attempt = TryCommit(batch);
        if (attempt.Fault is null)
        {
            Acknowledge(batch, attempt.Outcomes);
            return;
        }

        if (attempt.AtCommit)
        {
            // COMMIT failed: the database, read on a new connection, says whether it happened after all.
            var committed = FindCommitted(batch, attempt.Outcomes);
            if (committed is null)
            {
                foreach (var append in batch) FailUnknown(append, attempt.Fault);
                return;
            }
            if (committed.Value)
            {
                Acknowledge(batch, attempt.Outcomes);
                return;
            }
            if (!IsKnownNotCommitted(attempt.Fault))
            {
                // An I/O error during the commit's fsync can leave the commit in the log, to reappear on recovery.
                foreach (var append in batch) FailUnknown(append, attempt.Fault);
                return;
            }
        }

        // Known: nothing of the group was written. Each append alone then gets the outcome of its own.
        if (batch.Count == 1)
        {
            FailUnavailable(batch[0], attempt.Fault);
            return;
        }
        foreach (var append in batch) Commit([append]);
    }

    private Attempt TryCommit(List<PendingAppend> batch)
    {
        var outcomes = new (AppendResult? Result, Exception? Error)[batch.Count];
        var atCommit = false;
        try
        {
            var statements = Connect();
            statements.Begin();
            var ticks = NextTimestamp();
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    outcomes[i] = (statements.Execute(batch[i], ticks), null);
                }
                catch (Exception e) when (e is EventStoreException or UnstoredEventIdClashException)
                {
                    outcomes[i] = (null, e);
                }
                // SQLite rolls the whole transaction back on some errors (I/O, interrupt); the next SAVEPOINT would
                // then start a transaction of its own and RELEASE commit it, behind the group's back.
                if (_connection!.AutoCommitMode())
                    throw new InvalidOperationException("SQLite rolled back the group's transaction after an error.");
            }
            atCommit = true;
            statements.Commit();
            RecoverFromFault();
            return new Attempt(outcomes, null, false);
        }
        catch (Exception e)
        {
            if (atCommit || !TryRollback()) Disconnect();
            RecordFault(e);
            return new Attempt(outcomes, e, atCommit);
        }
    }

    // True when the group's events are in the database, false when none are, null when that cannot be read.
    private bool? FindCommitted(List<PendingAppend> batch, (AppendResult? Result, Exception? Error)[] outcomes)
    {
        try
        {
            var statements = Connect();
            var written = Enumerable.Range(0, batch.Count).Where(i => outcomes[i].Result is not null).ToList();
            if (written.Count == 0) return true;
            var found = written.Select(i => statements.FindCommitted(batch[i])).ToList();
            if (found.All(r => r is null)) return false;
            if (found.Any(r => r is null)) return null;
            for (var k = 0; k < written.Count; k++) outcomes[written[k]] = (found[k], null);
            return true;
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or EventStoreException)
        {
            Disconnect();
            RecordFault(e);
            return null;
        }
    }

    // A full disk stops the commit before its last log frame is written, and a broken connection rolls back what it
    // had not committed: the lookup on a new connection is then the truth. An I/O error is not (see above).
    private static bool IsKnownNotCommitted(Exception fault) =>
        fault is not SqliteException e || (e.SqliteErrorCode & 0xFF) is not SqliteIoError;

    private const int SqliteIoError = 10;

    private bool TryRollback()
    {
        try
        {
            _statements?.Rollback();
            return _statements is not null;
        }
        catch (Exception)
        {
            // However a rollback fails (a closed or broken connection throws anything), the connection is given up.
            return false;
        }
    }

    private void Acknowledge(List<PendingAppend> batch, (AppendResult? Result, Exception? Error)[] outcomes)
    {
        var head = outcomes.Max(o => o.Result?.Position ?? 0);
        MoveHead(head);

        if (_versions.Count > MaxKnownStreams) _versions.Clear();
        for (var i = 0; i < batch.Count; i++)
            if (outcomes[i].Result is { } written)
                _versions.AddOrUpdate(batch[i].StreamId, written.StreamVersion, (_, known) => Math.Max(known, written.StreamVersion));

        // Only now are the appends acknowledged: no reader is told "nothing new" about an acknowledged event.
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Error is { } error) batch[i].Completion.TrySetException(error);
            else batch[i].Completion.TrySetResult(outcomes[i].Result!);
        }
    }

    private static void FailUnavailable(PendingAppend append, Exception fault) =>
        append.Completion.TrySetException(new StoreUnavailableException(
            $"The event store could not write to stream '{append.StreamId}' ({Describe(fault)}); the append was not committed.", fault));

    private void FailUnknown(PendingAppend append, Exception fault)
    {
        // The stream may have moved: forget its version, so readers and commands see what the database holds.
        _versions.TryRemove(append.StreamId, out _);
        append.Completion.TrySetException(new AppendOutcomeUnknownException(append.StreamId,
            $"The event store cannot tell whether the append to stream '{append.StreamId}' was committed ({Describe(fault)}). " +
            "Retry it with the same event ids: a committed append is recognised, not written twice.", fault));
    }

    private void Serve(ConnectionRequest request)
    {
        try
        {
            Connect();
            request.Run(_connection!);
        }
        catch (Exception e)
        {
            if (!TryRollback()) Disconnect();
            if (e is SqliteException) RecordFault(e);
            request.Fail(e);
        }
    }

    // 64 KiB, not one row: a failed commit leaves its partly written log frames allocated, and a tiny probe would
    // fit in that slack on a disk that still refuses every real append.
    private static void Probe(SqliteConnection connection) =>
        connection.Run("BEGIN IMMEDIATE; INSERT OR REPLACE INTO write_probe (id, written_at, data) VALUES (1, unixepoch(), randomblob(65536)); COMMIT;");

    private void RecordFault(Exception e) => _fault = Describe(e);

    private void RecoverFromFault() => _fault = null;

    private static string Describe(Exception e) => e is SqliteException s ? $"SQLite error {s.SqliteErrorCode}: {s.Message}" : e.Message;

    // The current connection, or a new one after a fault. A commit that was settled as unknown may have moved the
    // head and the clock: both are read back, so positions and timestamps stay in order and followers wake up.
    private AppendStatements Connect()
    {
        if (_statements is not null) return _statements;
        var connection = _database.OpenConnection(pooled: false);
        try
        {
            _connectionOpened?.Invoke(connection);
            var statements = new AppendStatements(connection);
            _lastTicks = Math.Max(_lastTicks, Scalar(connection, "SELECT COALESCE(MAX(timestamp), 0) FROM events"));
            MoveHead(Scalar(connection, "SELECT COALESCE(MAX(position), 0) FROM events"));
            _connection = connection;
            _statements = statements;
            return statements;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Disconnect()
    {
        var (connection, statements) = (_connection, _statements);
        (_connection, _statements) = (null, null);
        try
        {
            statements?.Dispose();
            connection?.Dispose();
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            // A broken connection may fail to close cleanly; it is unusable either way.
        }
    }

    private void MoveHead(long head)
    {
        if (head <= Interlocked.Read(ref _head)) return;
        Interlocked.Exchange(ref _head, head);
        Interlocked.Exchange(ref _committed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    // Timestamps never go backwards in position order, so "as of" reads agree with the feed.
    private long NextTimestamp() => _lastTicks = Math.Max(_lastTicks, _options.TimeProvider.GetUtcNow().UtcTicks);

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        Disconnect();
    }

    private sealed record Attempt((AppendResult? Result, Exception? Error)[] Outcomes, Exception? Fault, bool AtCommit);

    private abstract record ConnectionRequest : WriterRequest
    {
        public abstract void Run(SqliteConnection connection);

        public abstract void Fail(Exception error);
    }

    private sealed record ConnectionWork<T>(Func<SqliteConnection, T> Work) : ConnectionRequest
    {
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run(SqliteConnection connection) => Completion.TrySetResult(Work(connection));

        public override void Fail(Exception error) => Completion.TrySetException(error);
    }
}
