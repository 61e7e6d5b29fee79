using EventSourcing.Sagas.Embedded;

namespace EventSourcing.Sqlite.Sagas;

/// <summary>The instances that may still be running, so a restarted runner knows whom to resume.</summary>
internal sealed class RunningSagaRows(SqliteDatabase database) : ISagaInstanceIndex
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS running_sagas (
            instance_id  TEXT PRIMARY KEY,
            orchestrator TEXT NOT NULL,
            added_at     INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    public Task AddAsync(string instanceId, string orchestrator, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync("INSERT INTO running_sagas (instance_id, orchestrator, added_at) VALUES ($id, $name, $at) ON CONFLICT DO NOTHING",
            cancellationToken, ("$id", instanceId), ("$name", orchestrator), ("$at", at.UtcTicks));

    public Task RemoveAsync(string instanceId, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync("DELETE FROM running_sagas WHERE instance_id = $id", cancellationToken, ("$id", instanceId));

    public async Task<IReadOnlyList<string>> GetRunningAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenConnection();
        using var command = connection.Command(null, "SELECT instance_id FROM running_sagas ORDER BY added_at");
        using var rows = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await rows.ReadAsync(cancellationToken)) ids.Add(rows.GetString(0));
        return ids;
    }
}
