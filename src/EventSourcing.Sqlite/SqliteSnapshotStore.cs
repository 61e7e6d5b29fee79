using EventSourcing.Snapshots;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>Snapshots in the event store's database, one row per stream, never moved backwards.</summary>
public sealed class SqliteSnapshotStore : ISnapshotStore, IReportsConnectionSettings
{
    private readonly SqliteDatabase _database;

    Task<IReadOnlyList<ConnectionSettings>> IReportsConnectionSettings.ReadConnectionSettingsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConnectionSettings>>([_database.ReadSettings("snapshot store")]);

    internal SqliteSnapshotStore(SqliteDatabase database) => _database = database;

    /// <inheritdoc />
    public async Task<Snapshot?> LoadAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, state_type, schema_version, data, timestamp FROM snapshots WHERE stream_id = $stream";
        command.Parameters.AddWithValue("$stream", streamId);
        using var row = command.ExecuteReader();
        return row.Read()
            ? new Snapshot(streamId, row.GetInt64(0), row.GetString(1), row.GetInt32(2), (byte[])row[3], new DateTimeOffset(row.GetInt64(4), TimeSpan.Zero))
            : null;
    }

    /// <inheritdoc />
    public async Task SaveAsync(Snapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            INSERT INTO snapshots (stream_id, version, state_type, schema_version, data, timestamp)
            VALUES ($stream, $version, $type, $schema, $data, $timestamp)
            ON CONFLICT (stream_id) DO UPDATE SET
                version = excluded.version, state_type = excluded.state_type, schema_version = excluded.schema_version,
                data = excluded.data, timestamp = excluded.timestamp
            WHERE excluded.version > snapshots.version OR excluded.schema_version <> snapshots.schema_version
            """;
        command.Parameters.AddWithValue("$stream", snapshot.StreamId);
        command.Parameters.AddWithValue("$version", snapshot.Version);
        command.Parameters.AddWithValue("$type", snapshot.StateType);
        command.Parameters.AddWithValue("$schema", snapshot.SchemaVersion);
        command.Parameters.AddWithValue("$data", snapshot.Data.ToArray());
        command.Parameters.AddWithValue("$timestamp", snapshot.Timestamp.UtcTicks);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
