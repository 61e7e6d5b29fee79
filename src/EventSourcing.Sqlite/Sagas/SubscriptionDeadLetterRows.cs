using System.Text.Json;
using EventSourcing.Subscriptions;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite.Sagas;

/// <summary>The feed subscriptions' dead letters, beside their checkpoints; each row keeps the whole event so a retry needs nothing else.</summary>
internal sealed class SubscriptionDeadLetterRows(SqliteDatabase database) : ISubscriptionDeadLetterStore
{
    private const string Columns = $"subscription, key, {DeadLetterEventColumns.Names}, error, attempts, parked_at";

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS subscription_dead_letters (
            subscription    TEXT NOT NULL,
            key             TEXT NOT NULL,
            position        INTEGER,
            event_id        BLOB NOT NULL,
            stream_id       TEXT NOT NULL,
            stream_version  INTEGER NOT NULL,
            type            TEXT NOT NULL,
            schema_version  INTEGER NOT NULL,
            timestamp       INTEGER NOT NULL,
            data            BLOB NOT NULL,
            metadata        TEXT NOT NULL,
            error           TEXT NOT NULL,
            attempts        INTEGER NOT NULL,
            parked_at       INTEGER NOT NULL,
            PRIMARY KEY (subscription, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS subscription_dead_letters_by_key ON subscription_dead_letters (subscription, key, position);
        """;

    public async Task<IReadOnlyDictionary<string, Guid>> GetParkedKeysAsync(
        string subscription, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var parked = new Dictionary<string, Guid>(StringComparer.Ordinal);
        if (keys.Count == 0) return parked;
        await using var connection = database.OpenConnection();
        // The first of each key in feed order; SQLite's bare columns beside MIN() come from the row holding the minimum.
        using var command = connection.Command(null,
            """
            SELECT key, event_id, MIN(position) FROM subscription_dead_letters
            WHERE subscription = $subscription AND key IN (SELECT value FROM json_each($keys))
            GROUP BY key
            """,
            ("$subscription", subscription), ("$keys", JsonSerializer.Serialize(keys)));
        using var row = await command.ExecuteReaderAsync(cancellationToken);
        while (await row.ReadAsync(cancellationToken)) parked[row.GetString(0)] = new Guid((byte[])row[1]);
        return parked;
    }

    public async Task ParkAsync(SubscriptionDeadLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var parameters = Columns.Split(", ").Select(c => "$" + c).ToArray();
        object[] values =
        [
            letter.Subscription, letter.Key, .. DeadLetterEventColumns.Values(letter.Event), letter.Error, letter.Attempts, letter.ParkedAt.UtcTicks,
        ];
        await using var connection = database.OpenConnection();
        using var command = connection.Command(null,
            $"""
            INSERT INTO subscription_dead_letters ({Columns}) VALUES ({string.Join(", ", parameters)})
            ON CONFLICT (subscription, event_id) DO UPDATE SET
                key = excluded.key, error = excluded.error, attempts = excluded.attempts, parked_at = excluded.parked_at
            """,
            [.. parameters.Zip(values, (name, value) => (name, (object?)value))]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task ReleaseAsync(SubscriptionDeadLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return database.ExecuteAsync("DELETE FROM subscription_dead_letters WHERE subscription = $subscription AND event_id = $id", cancellationToken,
            ("$subscription", letter.Subscription), ("$id", letter.Event.EventId.ToByteArray()));
    }

    public async Task<IReadOnlyList<SubscriptionDeadLetter>> ListAsync(string subscription, CancellationToken cancellationToken = default)
    {
        const int after = 2 + DeadLetterEventColumns.Count;
        await using var connection = database.OpenConnection();
        using var command = connection.Command(null,
            $"SELECT {Columns} FROM subscription_dead_letters WHERE subscription = $subscription ORDER BY position, timestamp",
            ("$subscription", subscription));
        var letters = new List<SubscriptionDeadLetter>();
        using var row = await command.ExecuteReaderAsync(cancellationToken);
        while (await row.ReadAsync(cancellationToken))
            letters.Add(new SubscriptionDeadLetter(row.GetString(0), row.GetString(1), DeadLetterEventColumns.Read(row, 2), row.GetString(after),
                row.GetInt32(after + 1), row.Instant(after + 2)));
        letters.Sort(SubscriptionDeadLetter.FeedOrder);
        return letters;
    }
}
