using System.Text.Json;
using EventSourcing.Store;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>
/// One append, run inside the group-commit transaction under its own savepoint, so its expected-version
/// check and its errors are its own. Commands are prepared once on the writer connection.
/// </summary>
internal sealed class AppendStatements : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _streamVersion;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _upsertStream;
    private readonly SqliteCommand _findEvent;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackToSavepoint;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;

    public AppendStatements(SqliteConnection connection)
    {
        _connection = connection;
        _streamVersion = Prepare("SELECT version FROM streams WHERE stream_id = $stream", "$stream");
        _insertEvent = Prepare(
            """
            INSERT INTO events (event_id, stream_id, version, type, schema_version, timestamp, data, correlation_id, causation_id, headers)
            VALUES ($id, $stream, $version, $type, $schema, $timestamp, $data, $correlation, $causation, $headers)
            RETURNING position
            """,
            "$id", "$stream", "$version", "$type", "$schema", "$timestamp", "$data", "$correlation", "$causation", "$headers");
        _upsertStream = Prepare(
            "INSERT INTO streams (stream_id, version) VALUES ($stream, $version) ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version",
            "$stream", "$version");
        _findEvent = Prepare("SELECT stream_id, version, position FROM events WHERE event_id = $id", "$id");
        _savepoint = Prepare("SAVEPOINT append");
        _release = Prepare("RELEASE append");
        _rollbackToSavepoint = Prepare("ROLLBACK TO append; RELEASE append");
        // Plain SQL transaction control: Microsoft.Data.Sqlite would otherwise demand the transaction on every command.
        _begin = Prepare("BEGIN IMMEDIATE");
        _commit = Prepare("COMMIT");
        _rollback = Prepare("ROLLBACK");
    }

    public void Begin() => _begin.ExecuteNonQuery();

    public void Commit() => _commit.ExecuteNonQuery();

    public void Rollback()
    {
        if (!_connection.AutoCommitMode()) _rollback.ExecuteNonQuery();
    }

    /// <summary>Runs one append; returns its result or throws its own typed error with nothing of it written.</summary>
    public AppendResult Execute(PendingAppend append, long timestampTicks)
    {
        _savepoint.ExecuteNonQuery();
        (AppendResult? Written, long Current, bool IdClash) attempt;
        try
        {
            attempt = TryWrite(append, timestampTicks);
        }
        catch
        {
            _rollbackToSavepoint.ExecuteNonQuery();
            throw;
        }

        if (attempt.Written is { } written)
        {
            _release.ExecuteNonQuery();
            return written;
        }

        // Undo this append's partial writes before asking whether it is a retry of a committed one.
        _rollbackToSavepoint.ExecuteNonQuery();
        return FindCommitted(append) ?? (attempt.IdClash
            ? throw new UnstoredEventIdClashException($"An event id of the append to '{append.StreamId}' clashed but is not stored.")
            : throw new WrongExpectedVersionException(append.StreamId, append.Expected, attempt.Current));
    }

    private (AppendResult? Written, long Current, bool IdClash) TryWrite(PendingAppend append, long timestampTicks)
    {
        var current = CurrentVersion(append.StreamId);
        if (!append.Expected.IsSatisfiedBy(current)) return (null, current, false);

        long position = 0;
        for (var i = 0; i < append.Events.Count; i++)
        {
            try
            {
                position = InsertEvent(append.StreamId, current + i + 1, append.Events[i], timestampTicks);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19 /* SQLITE_CONSTRAINT: the event id is stored */)
            {
                return (null, current, true);
            }
        }

        _upsertStream.Parameters["$stream"].Value = append.StreamId;
        _upsertStream.Parameters["$version"].Value = current + append.Events.Count;
        _upsertStream.ExecuteNonQuery();
        return (new AppendResult(current + append.Events.Count, position), current, false);
    }

    private long CurrentVersion(string streamId)
    {
        _streamVersion.Parameters["$stream"].Value = streamId;
        return _streamVersion.ExecuteScalar() is long version ? version : 0;
    }

    private long InsertEvent(string streamId, long version, EventData e, long timestampTicks)
    {
        var p = _insertEvent.Parameters;
        p["$id"].Value = e.EventId.ToByteArray();
        p["$stream"].Value = streamId;
        p["$version"].Value = version;
        p["$type"].Value = e.Type;
        p["$schema"].Value = e.SchemaVersion;
        p["$timestamp"].Value = timestampTicks;
        p["$data"].Value = e.Data.ToArray();
        p["$correlation"].Value = (object?)e.Metadata.CorrelationId ?? DBNull.Value;
        p["$causation"].Value = (object?)e.Metadata.CausationId ?? DBNull.Value;
        p["$headers"].Value = e.Metadata.Headers is { Count: > 0 } headers ? JsonSerializer.Serialize(headers) : DBNull.Value;
        return (long)_insertEvent.ExecuteScalar()!;
    }

    /// <summary>
    /// The result of <paramref name="append"/> when its events are stored (a retry, or a commit whose answer was lost);
    /// null when none is.
    /// </summary>
    /// <exception cref="DuplicateEventIdException">Some of its ids are stored elsewhere.</exception>
    public AppendResult? FindCommitted(PendingAppend append)
    {
        var found = new StoredEventLocation?[append.Events.Count];
        for (var i = 0; i < found.Length; i++)
        {
            _findEvent.Parameters["$id"].Value = append.Events[i].EventId.ToByteArray();
            using var reader = _findEvent.ExecuteReader();
            if (reader.Read())
                found[i] = new StoredEventLocation(append.Events[i].EventId, reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
        }
        return IdempotentAppend.Resolve(append.StreamId, append.Expected, append.Events, found);
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    public void Dispose()
    {
        foreach (var command in new[] { _streamVersion, _insertEvent, _upsertStream, _findEvent, _savepoint, _release, _rollbackToSavepoint, _begin, _commit, _rollback })
            command.Dispose();
    }
}
