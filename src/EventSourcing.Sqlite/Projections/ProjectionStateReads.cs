using System.Text.Json;
using EventSourcing.Projections;

namespace EventSourcing.Sqlite.Projections;

/// <summary>What the runner reads of one generation to apply a page: documents with their versions, parked streams, dead letters.</summary>
internal sealed class ProjectionStateReads(SqliteDatabase database)
{
    public async Task<IReadOnlyDictionary<string, StoredDocument>> LoadDocumentsAsync(
        string projection, int generation, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenConnection();
        using var command = connection.Command(null,
            """
            SELECT key, json, versions, updated_at FROM documents
            WHERE projection = $projection AND generation = $generation AND key IN (SELECT value FROM json_each($keys))
            """,
            ("$projection", projection), ("$generation", generation), ("$keys", JsonSerializer.Serialize(keys)));
        var documents = new Dictionary<string, StoredDocument>(StringComparer.Ordinal);
        using var row = await command.ExecuteReaderAsync(cancellationToken);
        while (row.Read())
        {
            var versions = JsonSerializer.Deserialize<Dictionary<string, long>>(row.GetString(2))!;
            documents[row.GetString(0)] = new StoredDocument(row.GetString(0), row.IsDBNull(1) ? null : row.GetString(1), versions, row.Instant(3));
        }
        return documents;
    }

    public async Task<IReadOnlyDictionary<string, long>> GetParkedStreamsAsync(
        string projection, int generation, IReadOnlyCollection<string> streamIds, CancellationToken cancellationToken = default)
    {
        var parked = new Dictionary<string, long>(StringComparer.Ordinal);
        if (streamIds.Count == 0) return parked;
        await using var connection = database.OpenConnection();
        using var command = connection.Command(null,
            """
            SELECT stream_id, MIN(position) FROM dead_letters
            WHERE projection = $projection AND generation = $generation AND stream_id IN (SELECT value FROM json_each($streams))
            GROUP BY stream_id
            """,
            ("$projection", projection), ("$generation", generation), ("$streams", JsonSerializer.Serialize(streamIds)));
        using var row = await command.ExecuteReaderAsync(cancellationToken);
        while (row.Read()) parked[row.GetString(0)] = row.GetInt64(1);
        return parked;
    }

    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string projection, int generation, CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenConnection();
        using var command = connection.Command(null,
            $"SELECT {DeadLetterRows.Columns} FROM dead_letters WHERE projection = $projection AND generation = $generation ORDER BY position",
            ("$projection", projection), ("$generation", generation));
        return DeadLetterRows.ReadAll(command);
    }
}
