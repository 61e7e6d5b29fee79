using EventSourcing.Subscriptions;

namespace EventSourcing.Sqlite.Sagas;

/// <summary>How far each feed subscription has handled the feed.</summary>
internal sealed class CheckpointRows(SqliteDatabase database) : ISubscriptionCheckpoints
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS checkpoints (
            subscription TEXT PRIMARY KEY,
            position     INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    public async Task<long> GetAsync(string subscription, CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenConnection();
        using var command = connection.Command(null, "SELECT position FROM checkpoints WHERE subscription = $name", ("$name", subscription));
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    public Task SaveAsync(string subscription, long position, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync(
            "INSERT INTO checkpoints (subscription, position) VALUES ($name, $position) ON CONFLICT (subscription) DO UPDATE SET position = MAX(position, excluded.position)",
            cancellationToken, ("$name", subscription), ("$position", position));
}
