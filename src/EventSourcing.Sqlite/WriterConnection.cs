using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>
/// The single writer's connection and its prepared statements: opened on demand, thrown away after a fault and
/// opened again for the next commit, so writes recover as soon as the fault is gone. Also what the last fault was,
/// and the clock that keeps timestamps in position order.
/// </summary>
internal sealed class WriterConnection(SqliteDatabase database, CommittedHead head, TimeProvider time, Action<SqliteConnection>? connectionOpened)
{
    private SqliteConnection? _connection;
    private AppendStatements? _statements;
    private long _lastTicks;
    private volatile string? _fault;

    /// <summary>Null while writes work; otherwise why the last one failed.</summary>
    public string? Fault => _fault;

    /// <summary>The open connection; call <see cref="Connect"/> first.</summary>
    public SqliteConnection Connection => _connection ?? throw new InvalidOperationException("The writer has no open connection.");

    // The current connection, or a new one after a fault. A commit that was settled as unknown may have moved the
    // head and the clock: both are read back, so positions and timestamps stay in order and followers wake up.
    public AppendStatements Connect()
    {
        if (_statements is not null) return _statements;
        var connection = database.OpenConnection(pooled: false);
        try
        {
            connectionOpened?.Invoke(connection);
            var statements = new AppendStatements(connection);
            _lastTicks = Math.Max(_lastTicks, Scalar(connection, "SELECT COALESCE(MAX(timestamp), 0) FROM events"));
            head.MoveTo(Scalar(connection, "SELECT COALESCE(MAX(position), 0) FROM events"));
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

    public void Disconnect()
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

    /// <returns>False when there was nothing to roll back or the rollback failed: the connection should then be given up.</returns>
    public bool TryRollback()
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

    // Timestamps never go backwards in position order, so "as of" reads agree with the feed.
    public long NextTimestamp() => _lastTicks = Math.Max(_lastTicks, time.GetUtcNow().UtcTicks);

    public void RecordFault(Exception e) => _fault = Describe(e);

    public void RecoverFromFault() => _fault = null;

    public static string Describe(Exception e) => e is SqliteException s ? $"SQLite error {s.SqliteErrorCode}: {s.Message}" : e.Message;

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
