using System.Text.Json;
using EventSourcing.Store;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>Maps rows of the events table to envelopes.</summary>
internal static class EventRows
{
    public static List<RecordedEvent> ReadAll(SqliteCommand command)
    {
        var events = new List<RecordedEvent>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) events.Add(Read(reader));
        return events;
    }

    private static RecordedEvent Read(SqliteDataReader row) => new(
        EventId: new Guid((byte[])row[0]),
        StreamId: row.GetString(1),
        StreamVersion: row.GetInt64(2),
        Position: row.GetInt64(3),
        Type: row.GetString(4),
        SchemaVersion: row.GetInt32(5),
        Timestamp: new DateTimeOffset(row.GetInt64(6), TimeSpan.Zero),
        Data: (byte[])row[7],
        Metadata: ReadMetadata(row));

    private static EventMetadata ReadMetadata(SqliteDataReader row)
    {
        if (row.IsDBNull(8) && row.IsDBNull(9) && row.IsDBNull(10)) return EventMetadata.Empty;
        return new EventMetadata(
            row.IsDBNull(8) ? null : row.GetString(8),
            row.IsDBNull(9) ? null : row.GetString(9),
            row.IsDBNull(10) ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString(10)));
    }
}
