using System.Text.Json;
using EventSourcing.Projections;

namespace EventSourcing.Sqlite.Projections;

/// <summary>
/// Commits a page: documents, parked and released dead letters and the checkpoint in one transaction, refreshing
/// the planner's statistics now and then as documents pile up.
/// </summary>
internal sealed class PageCommits(SqliteDatabase database)
{
    // Statistics go stale as documents pile up; refreshing them now and then keeps property indexes in use.
    private const int OptimizeEveryCommits = 500;

    private int _commits;

    public async Task CommitAsync(ProjectionChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var connection = database.OpenConnection();
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
