using System.Text.Json;
using EventSourcing.Projections;

namespace EventSourcing.Sqlite.Projections;

public sealed partial class SqliteProjectionStore
{
    public async Task<IReadOnlyDictionary<string, StoredDocument>> LoadDocumentsAsync(
        string projection, int generation, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        await using var connection = _database.OpenConnection();
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
        await using var connection = _database.OpenConnection();
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
        await using var connection = _database.OpenConnection();
        using var command = connection.Command(null,
            $"SELECT {DeadLetterRows.Columns} FROM dead_letters WHERE projection = $projection AND generation = $generation ORDER BY position",
            ("$projection", projection), ("$generation", generation));
        return DeadLetterRows.ReadAll(command);
    }

    public async Task CommitAsync(ProjectionChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var connection = _database.OpenConnection();
        await using var transaction = connection.BeginTransaction(deferred: false);
        (string, object?)[] scope = [("$projection", changes.Projection), ("$generation", changes.Generation)];

        using (var upsert = connection.Command(transaction,
            """
            INSERT INTO documents (projection, generation, key, json, versions, updated_at)
            VALUES ($projection, $generation, $key, $json, $versions, $now)
            ON CONFLICT (projection, generation, key) DO UPDATE SET
                json = excluded.json, versions = excluded.versions, updated_at = excluded.updated_at
            """, [.. scope, ("$key", null), ("$json", null), ("$versions", null), ("$now", null)]))
        {
            foreach (var document in changes.Documents)
            {
                upsert.Parameters["$key"].Value = document.Key;
                upsert.Parameters["$json"].Value = (object?)document.Json ?? DBNull.Value;
                upsert.Parameters["$versions"].Value = JsonSerializer.Serialize(document.Versions);
                upsert.Parameters["$now"].Value = document.UpdatedAt.UtcTicks;
                upsert.ExecuteNonQuery();
            }
        }

        using (var park = DeadLetterRows.Upsert(connection, transaction))
            foreach (var letter in changes.Parked) DeadLetterRows.Bind(park, letter).ExecuteNonQuery();

        using (var release = connection.Command(transaction,
            "DELETE FROM dead_letters WHERE projection = $projection AND generation = $generation AND position = $position",
            [.. scope, ("$position", null)]))
        {
            foreach (var position in changes.Released)
            {
                release.Parameters["$position"].Value = position;
                release.ExecuteNonQuery();
            }
        }

        // Last, so a generation retired meanwhile (or any failure up to here) rolls the whole page back.
        using var checkpoint = connection.Command(transaction,
            """
            UPDATE generations SET checkpoint = COALESCE($checkpoint, checkpoint), updated_at = CASE WHEN $checkpoint IS NULL THEN updated_at ELSE $now END
            WHERE projection = $projection AND generation = $generation
            """, [.. scope, ("$checkpoint", changes.Checkpoint), ("$now", changes.At.UtcTicks)]);
        if (checkpoint.ExecuteNonQuery() != 1)
            throw new InvalidOperationException($"Projection '{changes.Projection}' has no generation {changes.Generation}; it was replaced.");
        transaction.Commit();
        if (Interlocked.Increment(ref _commits) % OptimizeEveryCommits == 0) ReadModelMaintenance.Optimize(connection);
    }
}
