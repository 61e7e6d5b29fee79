using System.Text.Json;
using EventSourcing.Store;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>
/// The whole envelope of a parked event as columns, so a dead letter (a projection's or a subscription's) can be
/// handed over again without the feed. Both dead-letter tables spell these columns alike.
/// </summary>
internal static class DeadLetterEventColumns
{
    public const string Names = "position, event_id, stream_id, stream_version, type, schema_version, timestamp, data, metadata";

    public const int Count = 9;

    public static object[] Values(RecordedEvent e) =>
    [
        (object?)e.Position ?? DBNull.Value, e.EventId.ToByteArray(), e.StreamId, e.StreamVersion, e.Type, e.SchemaVersion, e.Timestamp.UtcTicks,
        e.Data.ToArray(), JsonSerializer.Serialize(e.Metadata),
    ];

    /// <summary>The envelope held by the <see cref="Count"/> columns from <paramref name="first"/> on.</summary>
    public static RecordedEvent Read(SqliteDataReader row, int first) => new(
        EventId: new Guid((byte[])row[first + 1]),
        StreamId: row.GetString(first + 2),
        StreamVersion: row.GetInt64(first + 3),
        Position: row.IsDBNull(first) ? null : row.GetInt64(first),
        Type: row.GetString(first + 4),
        SchemaVersion: row.GetInt32(first + 5),
        Timestamp: row.Instant(first + 6),
        Data: (byte[])row[first + 7],
        Metadata: JsonSerializer.Deserialize<EventMetadata>(row.GetString(first + 8)) ?? EventMetadata.Empty);
}
