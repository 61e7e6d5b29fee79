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
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly AppendStatements _statements;
    private readonly SqliteStoreOptions _options;
    private readonly Task _loop;
    private long _lastTicks;
    private long _head;
    // Swapped on every commit that adds events; followers await it instead of polling the feed.
    private TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Versions of the streams this writer committed to since the store opened. It is the only writer of the file, so
    // a reader asking for events past a stream's version here needs no query. Bounded: past the limit it starts over.
    private readonly ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);
    private const int MaxKnownStreams = 1_000_000;

    public GroupCommitWriter(SqliteDatabase database, SqliteStoreOptions options)
    {
        _options = options;
        _connection = database.OpenConnection();
        _statements = new AppendStatements(_connection);
        _lastTicks = MaxStoredTimestamp();
        _head = MaxStoredPosition();
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The stream's version as of the last commit, when this writer has committed to it since the store opened.</summary>
    public bool TryGetVersion(string streamId, out long version) => _versions.TryGetValue(streamId, out version);

    public Task<AppendResult> EnqueueAsync(PendingAppend append, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_queue.Writer.TryWrite(append))
            throw new ObjectDisposedException(nameof(SqliteEventStore), "The event store is closed.");
        return append.Completion.Task;
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
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _options.MaxAppendsPerCommit && _queue.Reader.TryRead(out var append))
                batch.Add(append);
            Commit(batch);
            batch.Clear();
        }
    }

    private void Commit(List<PendingAppend> batch)
    {
        var outcomes = new (AppendResult? Result, Exception? Error)[batch.Count];
        try
        {
            _statements.Begin();
            var ticks = NextTimestamp();
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    outcomes[i] = (_statements.Execute(batch[i], ticks), null);
                }
                catch (Exception e) when (e is EventStoreException or SqliteException or InvalidOperationException)
                {
                    outcomes[i] = (null, e);
                }
            }
            _statements.Commit();
        }
        catch (Exception e)
        {
            _statements.Rollback();
            // The commit itself failed (disk full, I/O error): nothing of this batch was written.
            foreach (var append in batch) append.Completion.TrySetException(e);
            return;
        }

        var head = outcomes.Max(o => o.Result?.Position ?? 0);
        if (head > Interlocked.Read(ref _head))
        {
            Interlocked.Exchange(ref _head, head);
            Interlocked.Exchange(ref _committed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

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

    // Timestamps never go backwards in position order, so "as of" reads agree with the feed.
    private long NextTimestamp() => _lastTicks = Math.Max(_lastTicks, _options.TimeProvider.GetUtcNow().UtcTicks);

    private long MaxStoredTimestamp()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(timestamp), 0) FROM events";
        return (long)command.ExecuteScalar()!;
    }

    private long MaxStoredPosition()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(position), 0) FROM events";
        return (long)command.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _statements.Dispose();
        await _connection.DisposeAsync();
    }
}
