using System.Text.Json;
using EventSourcing.Idempotency;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>
/// Idempotent responses in a small database file of their own, so replays never contend with appends.
/// Expired records are removed as new ones are saved.
/// </summary>
public sealed class SqliteIdempotencyStore : IIdempotencyStore, IReportsConnectionSettings, IDisposable
{
    private readonly SqliteDatabase _database;

    Task<IReadOnlyList<ConnectionSettings>> IReportsConnectionSettings.ReadConnectionSettingsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConnectionSettings>>([_database.ReadSettings("idempotency store")]);

    /// <exception cref="InvalidOperationException">Another store instance or process has the file open.</exception>
    public SqliteIdempotencyStore(string databasePath) =>
        _database = SqliteDatabase.Open(databasePath, durable: true, Migrate, "idempotency store");

    public async Task<IdempotentResponse?> FindAsync(string key, DateTimeOffset notBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT request_hash, status_code, content_type, body, headers, created_at FROM responses WHERE key = $key AND created_at >= $notBefore";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$notBefore", notBefore.UtcTicks);
        using var row = await command.ExecuteReaderAsync(cancellationToken);
        if (!await row.ReadAsync(cancellationToken)) return null;
        return new IdempotentResponse(
            key,
            row.GetString(0),
            row.GetInt32(1),
            row.IsDBNull(2) ? null : row.GetString(2),
            (byte[])row[3],
            JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString(4))!,
            new DateTimeOffset(row.GetInt64(5), TimeSpan.Zero));
    }

    public async Task<IdempotentResponse> SaveAsync(IdempotentResponse response, DateTimeOffset notBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        await using (var connection = Open())
        using (var command = connection.CreateCommand())
        {
            // An expired record for the key is replaced; a live one wins over this response.
            command.CommandText = """
                DELETE FROM responses WHERE created_at < $notBefore;
                INSERT INTO responses (key, request_hash, status_code, content_type, body, headers, created_at)
                VALUES ($key, $hash, $status, $contentType, $body, $headers, $createdAt)
                ON CONFLICT (key) DO NOTHING;
                """;
            command.Parameters.AddWithValue("$notBefore", notBefore.UtcTicks);
            command.Parameters.AddWithValue("$key", response.Key);
            command.Parameters.AddWithValue("$hash", response.RequestHash);
            command.Parameters.AddWithValue("$status", response.StatusCode);
            command.Parameters.AddWithValue("$contentType", (object?)response.ContentType ?? DBNull.Value);
            command.Parameters.AddWithValue("$body", response.Body.ToArray());
            command.Parameters.AddWithValue("$headers", JsonSerializer.Serialize(response.Headers));
            command.Parameters.AddWithValue("$createdAt", response.CreatedAt.UtcTicks);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return await FindAsync(response.Key, notBefore, cancellationToken) ?? response;
    }

    /// <summary>Closes the pooled connections of the file and releases its lock.</summary>
    public void Dispose() => _database.Dispose();

    private SqliteConnection Open() => _database.OpenConnection();

    private static void Migrate(SqliteConnection connection) => connection.Run("""
        CREATE TABLE IF NOT EXISTS responses (
            key          TEXT PRIMARY KEY,
            request_hash TEXT NOT NULL,
            status_code  INTEGER NOT NULL,
            content_type TEXT,
            body         BLOB NOT NULL,
            headers      TEXT NOT NULL,
            created_at   INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS responses_created_at ON responses (created_at);
        """);
}
