using System.Text.Json;
using EventSourcing.Projections;
using EventSourcing.Store;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite.Projections;

/// <summary>Maps dead letters to rows and back; the row keeps the whole event so a retry needs nothing else.</summary>
internal static class DeadLetterRows
{
    public const string Columns =
        "projection, generation, position, event_id, stream_id, stream_version, type, schema_version, timestamp, data, metadata, error, attempts, parked_at";

    private static readonly string[] Parameters = [.. Columns.Split(", ").Select(c => "$" + c)];

    public static SqliteCommand Upsert(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.Command(transaction,
            $"""
            INSERT INTO dead_letters ({Columns}) VALUES ({string.Join(", ", Parameters)})
            ON CONFLICT (projection, generation, position) DO UPDATE SET
                error = excluded.error, attempts = excluded.attempts, parked_at = excluded.parked_at
            """);
        foreach (var name in Parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    public static SqliteCommand Bind(SqliteCommand upsert, DeadLetter letter)
    {
        var e = letter.Event;
        object[] values =
        [
            letter.Projection, letter.Generation, letter.Position, e.EventId.ToByteArray(), e.StreamId, e.StreamVersion,
            e.Type, e.SchemaVersion, e.Timestamp.UtcTicks, e.Data.ToArray(), JsonSerializer.Serialize(e.Metadata),
            letter.Error, letter.Attempts, letter.ParkedAt.UtcTicks,
        ];
        for (var i = 0; i < values.Length; i++) upsert.Parameters[i].Value = values[i];
        return upsert;
    }

    public static List<DeadLetter> ReadAll(SqliteCommand command)
    {
        var letters = new List<DeadLetter>();
        using var row = command.ExecuteReader();
        while (row.Read())
        {
            var recorded = new RecordedEvent(
                EventId: new Guid((byte[])row[3]),
                StreamId: row.GetString(4),
                StreamVersion: row.GetInt64(5),
                Position: row.GetInt64(2),
                Type: row.GetString(6),
                SchemaVersion: row.GetInt32(7),
                Timestamp: row.Instant(8),
                Data: (byte[])row[9],
                Metadata: JsonSerializer.Deserialize<EventMetadata>(row.GetString(10)) ?? EventMetadata.Empty);
            letters.Add(new DeadLetter(row.GetString(0), row.GetInt32(1), recorded, row.GetString(11), row.GetInt32(12), row.Instant(13)));
        }
        return letters;
    }
}
