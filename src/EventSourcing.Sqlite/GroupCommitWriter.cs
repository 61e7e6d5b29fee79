using System.Threading.Channels;
using EventSourcing.Store;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>
/// The single writer. Appends queue up while a commit is in flight; the next commit takes them all (see
/// <see cref="GroupCommit"/>). Other work on the writer's connection (a write probe, reading its settings) runs
/// between two commits.
/// </summary>
/// <remarks>
/// Under a storage fault every caller still gets an answer, and the true one for its own append. The writer throws
/// its connection away after a fault and opens a new one for the next commit, so it recovers as soon as the fault is
/// gone; until then <see cref="Fault"/> says why writes fail.
/// </remarks>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<WriterRequest> _queue = Channel.CreateUnbounded<WriterRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteStoreOptions _options;
    private readonly CommittedHead _head = new();
    private readonly KnownStreamVersions _versions = new();
    private readonly WriterConnection _connection;
    private readonly GroupCommit _commit;
    private readonly Task _loop;

    /// <param name="connectionOpened">Sees each connection the writer opens (tests use it to break one for real).</param>
    public GroupCommitWriter(SqliteDatabase database, SqliteStoreOptions options, Action<SqliteConnection>? connectionOpened = null)
    {
        _options = options;
        _connection = new WriterConnection(database, _head, options.TimeProvider, connectionOpened);
        _commit = new GroupCommit(_connection, _head, _versions);
        _connection.Connect();
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Null while writes work; otherwise why the last one failed.</summary>
    public string? Fault => _connection.Fault;

    /// <summary>The stream's version as of the last commit, when this writer has committed to it since the store opened.</summary>
    public bool TryGetVersion(string streamId, out long version) => _versions.TryGet(streamId, out version);

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
        if (_connection.Fault is null) return null;
        try
        {
            await RunOnConnectionAsync(connection =>
            {
                Probe(connection);
                _connection.RecoverFromFault();
                return true;
            }, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            return _connection.Fault ?? WriterConnection.Describe(e);
        }
    }

    /// <summary>Completes once a commit has moved the head past <paramref name="afterPosition"/>.</summary>
    public Task WaitForEventsAsync(long afterPosition, CancellationToken cancellationToken) => _head.WaitPastAsync(afterPosition, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _connection.Disconnect();
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
            if (batch.Count > 0) _commit.CommitGuarded(batch);
            foreach (var request in other) Serve(request);
            batch.Clear();
            other.Clear();
        }
    }

    private void Serve(ConnectionRequest request)
    {
        try
        {
            _connection.Connect();
            request.Run(_connection.Connection);
        }
        catch (Exception e)
        {
            if (!_connection.TryRollback()) _connection.Disconnect();
            if (e is SqliteException) _connection.RecordFault(e);
            request.Fail(e);
        }
    }

    // 64 KiB, not one row: a failed commit leaves its partly written log frames allocated, and a tiny probe would
    // fit in that slack on a disk that still refuses every real append.
    private static void Probe(SqliteConnection connection) =>
        connection.Run("BEGIN IMMEDIATE; INSERT OR REPLACE INTO write_probe (id, written_at, data) VALUES (1, unixepoch(), randomblob(65536)); COMMIT;");

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
