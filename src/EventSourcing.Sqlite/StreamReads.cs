using EventSourcing.Store;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>Reads one stream's events or version, skipping the query when the writer already knows there is nothing newer.</summary>
internal sealed class StreamReads(SqliteDatabase database, GroupCommitWriter writer)
{
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        string streamId, StreamReadOptions options, CancellationToken cancellationToken = default)
    {
        StreamId.Validate(streamId);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        // A command that already knows the stream (the state cache) asks only for what follows: often nothing.
        if (options.Direction == ReadDirection.Forward && options.FromVersion is { } from && writer.TryGetVersion(streamId, out var known) && from > known)
            return [];

        await using var connection = database.OpenConnection();
        // One read transaction: the existence check and the rows come from the same snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        if (StreamVersion(connection, streamId, transaction) == 0) throw new StreamNotFoundException(streamId);

        var forward = options.Direction == ReadDirection.Forward;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"""
            SELECT {SqliteEventStore.EventColumns} FROM events
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

    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        StreamId.Validate(streamId);
        if (writer.TryGetVersion(streamId, out var known)) return known;
        await using var connection = database.OpenConnection();
        return StreamVersion(connection, streamId);
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
