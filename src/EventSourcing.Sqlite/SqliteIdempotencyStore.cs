using System.Text.Json;
using EventSourcing.Idempotency;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>
/// Idempotency keys in a small database file of their own, so replays never contend with appends. A row is a
/// reservation (no status yet) until its request completes it with the response. Reserving is one immediate
/// transaction, so of concurrent claims on a free key one wins; expired rows are removed as keys are reserved.
/// </summary>
public sealed class SqliteIdempotencyStore : IIdempotencyStore, IReportsConnectionSettings, IDisposable
{
    private readonly SqliteDatabase _database;

    Task<IReadOnlyList<ConnectionSettings>> IReportsConnectionSettings.ReadConnectionSettingsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConnectionSettings>>([_database.ReadSettings("idempotency store")]);

    /// <exception cref="InvalidOperationException">Another store instance or process has the file open.</exception>
    public SqliteIdempotencyStore(string databasePath) =>
        _database = SqliteDatabase.Open(databasePath, durable: true, Migrate, "idempotency store");

    /// <inheritdoc />
    public async Task<IdempotencyReservation> ReserveAsync(IdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var token = Guid.NewGuid().ToString("N");
        await using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            // Rows leave with the window (a lease is far shorter); a reservation of this key whose lease ran out
            // belongs to a request that died, and the key is free again.
            command.CommandText = """
                DELETE FROM requests WHERE created_at < $notBefore;
                DELETE FROM requests WHERE key = $key AND status_code IS NULL AND lease_until <= $now;
                INSERT INTO requests (key, request_hash, token, lease_until, created_at)
                VALUES ($key, $hash, $token, $leaseUntil, $now)
                ON CONFLICT (key) DO NOTHING;
                """;
            command.Parameters.AddWithValue("$notBefore", claim.NotBefore.UtcTicks);
            command.Parameters.AddWithValue("$now", claim.Now.UtcTicks);
            command.Parameters.AddWithValue("$key", claim.Key);
            command.Parameters.AddWithValue("$hash", claim.RequestHash);
            command.Parameters.AddWithValue("$token", token);
            command.Parameters.AddWithValue("$leaseUntil", claim.LeaseUntil.UtcTicks);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        var found = await ReadAsync(connection, transaction, claim.Key, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return found switch
        {
            { Response: { } response } => new IdempotencyReservation.Completed(response),
            { Token: var held } when held == token => new IdempotencyReservation.Reserved(token),
            { } other => new IdempotencyReservation.InProgress(other.RequestHash, other.LeaseUntil),
            // The row was just written or kept inside this transaction.
            null => throw new InvalidOperationException($"The reservation of idempotency key '{claim.Key}' vanished inside its transaction."),
        };
    }

    /// <inheritdoc />
    public async Task<bool> CompleteAsync(IdempotentResponse response, string token, DateTimeOffset notBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        await using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE requests
            SET request_hash = $hash, status_code = $status, content_type = $contentType, body = $body, headers = $headers,
                created_at = $createdAt, token = NULL, lease_until = NULL
            WHERE key = $key AND token = $token AND status_code IS NULL;
            """;
        command.Parameters.AddWithValue("$key", response.Key);
        command.Parameters.AddWithValue("$token", token);
        command.Parameters.AddWithValue("$hash", response.RequestHash);
        command.Parameters.AddWithValue("$status", response.StatusCode);
        command.Parameters.AddWithValue("$contentType", (object?)response.ContentType ?? DBNull.Value);
        command.Parameters.AddWithValue("$body", response.Body.ToArray());
        command.Parameters.AddWithValue("$headers", JsonSerializer.Serialize(response.Headers));
        command.Parameters.AddWithValue("$createdAt", response.CreatedAt.UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string key, string token, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM requests WHERE key = $key AND token = $token AND status_code IS NULL";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$token", token);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Closes the pooled connections of the file and releases its lock.</summary>
    public void Dispose() => _database.Dispose();

    private SqliteConnection Open() => _database.OpenConnection();

    private static async Task<Row?> ReadAsync(SqliteConnection connection, SqliteTransaction transaction, string key, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT request_hash, token, lease_until, status_code, content_type, body, headers, created_at FROM requests WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        using var row = await command.ExecuteReaderAsync(cancellationToken);
        if (!await row.ReadAsync(cancellationToken)) return null;
        var hash = row.GetString(0);
        if (row.IsDBNull(3))
            return new Row(hash, row.GetString(1), new DateTimeOffset(row.GetInt64(2), TimeSpan.Zero), null);
        return new Row(hash, null, default, new IdempotentResponse(
            key,
            hash,
            row.GetInt32(3),
            row.IsDBNull(4) ? null : row.GetString(4),
            (byte[])row[5],
            JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString(6))!,
            new DateTimeOffset(row.GetInt64(7), TimeSpan.Zero)));
    }

    private sealed record Row(string RequestHash, string? Token, DateTimeOffset LeaseUntil, IdempotentResponse? Response);

    // The responses table of earlier versions held unscoped keys that no request names any more (keys are scoped to
    // the caller and route now): it is dropped, and with it at most a day of replays of those old keys.
    private static void Migrate(SqliteConnection connection) => connection.Run("""
        DROP TABLE IF EXISTS responses;
        CREATE TABLE IF NOT EXISTS requests (
            key          TEXT PRIMARY KEY,
            request_hash TEXT NOT NULL,
            token        TEXT,
            lease_until  INTEGER,
            status_code  INTEGER,
            content_type TEXT,
            body         BLOB,
            headers      TEXT,
            created_at   INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS requests_created_at ON requests (created_at);
        """);
}
