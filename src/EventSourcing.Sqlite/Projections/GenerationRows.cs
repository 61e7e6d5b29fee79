using EventSourcing.Projections;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite.Projections;

/// <summary>The generations table: creating projections, starting rebuilds and switching a rebuilt generation in.</summary>
internal sealed class GenerationRows(SqliteDatabase database, TimeProvider time)
{
    private const string GenerationColumns =
        "g.projection, g.generation, g.state, g.checkpoint, g.updated_at, " +
        "(SELECT COUNT(*) FROM dead_letters d WHERE d.projection = g.projection AND d.generation = g.generation)";

    public async Task<IReadOnlyList<ProjectionGeneration>> EnsureProjectionsAsync(
        IReadOnlyCollection<IProjection> projections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projections);
        await using (var connection = database.OpenConnection())
        await using (var transaction = connection.BeginTransaction(deferred: false))
        {
            foreach (var projection in projections)
            {
                ProjectionNames.Validate(projection.Name);
                using var insert = connection.Command(transaction,
                    """
                    INSERT INTO generations (projection, generation, state, checkpoint, updated_at)
                    SELECT $projection, 1, 'active', 0, $now WHERE NOT EXISTS (SELECT 1 FROM generations WHERE projection = $projection)
                    """,
                    ("$projection", projection.Name), ("$now", time.GetUtcNow().UtcTicks));
                insert.ExecuteNonQuery();
                foreach (var property in projection.IndexedProperties)
                {
                    ProjectionNames.ValidateProperty(property);
                    connection.Run(ReadModelSchema.PropertyIndex(property), transaction);
                }
            }
            transaction.Commit();
            ReadModelMaintenance.Optimize(connection);
        }
        var names = projections.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return [.. (await GetGenerationsAsync(cancellationToken)).Where(g => names.Contains(g.Projection))];
    }

    public async Task<IReadOnlyList<ProjectionGeneration>> GetGenerationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenConnection();
        using var command = connection.Command(null, $"SELECT {GenerationColumns} FROM generations g ORDER BY g.projection, g.generation");
        return ReadGenerations(command);
    }

    public async Task<ProjectionGeneration> StartRebuildAsync(string projection, CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenConnection();
        await using var transaction = connection.BeginTransaction(deferred: false);
        using var select = connection.Command(transaction,
            $"SELECT {GenerationColumns} FROM generations g WHERE g.projection = $projection ORDER BY g.generation", ("$projection", projection));
        var generations = ReadGenerations(select);
        if (generations.Count == 0) throw new UnknownProjectionException(projection);
        if (generations.FirstOrDefault(g => g.State == GenerationState.Building) is { } building) return building;

        var next = new ProjectionGeneration(projection, generations[^1].Generation + 1, GenerationState.Building, 0, time.GetUtcNow(), 0);
        using var insert = connection.Command(transaction,
            "INSERT INTO generations (projection, generation, state, checkpoint, updated_at) VALUES ($projection, $generation, 'building', 0, $now)",
            ("$projection", projection), ("$generation", next.Generation), ("$now", next.UpdatedAt.UtcTicks));
        insert.ExecuteNonQuery();
        transaction.Commit();
        return next;
    }

    public async Task PromoteAsync(string projection, int generation, CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenConnection();
        await using var transaction = connection.BeginTransaction(deferred: false);
        (string, object?)[] parameters = [("$projection", projection), ("$generation", generation), ("$now", time.GetUtcNow().UtcTicks)];
        using var promote = connection.Command(transaction,
            "UPDATE generations SET state = 'active', updated_at = $now WHERE projection = $projection AND generation = $generation", parameters);
        // Retire the others first: the unique index allows one active generation per projection.
        using var retire = connection.Command(transaction,
            """
            DELETE FROM documents WHERE projection = $projection AND generation <> $generation;
            DELETE FROM dead_letters WHERE projection = $projection AND generation <> $generation;
            DELETE FROM generations WHERE projection = $projection AND generation <> $generation;
            """, parameters);
        retire.ExecuteNonQuery();
        if (promote.ExecuteNonQuery() != 1)
            throw new InvalidOperationException($"Projection '{projection}' has no generation {generation} to promote.");
        transaction.Commit();
        ReadModelMaintenance.Optimize(connection);
    }

    private static List<ProjectionGeneration> ReadGenerations(SqliteCommand command)
    {
        var generations = new List<ProjectionGeneration>();
        using var row = command.ExecuteReader();
        while (row.Read())
        {
            var state = row.GetString(2) == "building" ? GenerationState.Building : GenerationState.Active;
            generations.Add(new(row.GetString(0), row.GetInt32(1), state, row.GetInt64(3), row.Instant(4), row.GetInt32(5)));
        }
        return generations;
    }
}
