using EventSourcing.Store;

namespace EventSourcing.Sqlite;

/// <summary>Lists streams by id prefix, in id order, with each stream's version and newest commit time.</summary>
internal sealed class StreamListing(SqliteDatabase database)
{
    public async Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string? prefix, string? after, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        prefix ??= "";
        await using var connection = database.OpenConnection();
        // Every id with the prefix sorts from the prefix itself up to the prefix followed by the highest code point.
        using var command = connection.Command(null,
            """
            SELECT s.stream_id, s.version, e.timestamp FROM streams s
            JOIN events e ON e.stream_id = s.stream_id AND e.version = s.version
            WHERE s.stream_id >= $prefix AND s.stream_id < $prefix || char(1114111) AND substr(s.stream_id, 1, length($prefix)) = $prefix
              AND s.stream_id > $after
            ORDER BY s.stream_id LIMIT $max
            """,
            ("$prefix", prefix), ("$after", after ?? ""), ("$max", maxCount));
        using var rows = await command.ExecuteReaderAsync(cancellationToken);
        var streams = new List<StreamSummary>();
        while (await rows.ReadAsync(cancellationToken)) streams.Add(new StreamSummary(rows.GetString(0), rows.GetInt64(1), rows.Instant(2)));
        return streams;
    }
}
