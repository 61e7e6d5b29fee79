using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EventSourcing.Sqlite;

/// <summary>Small helpers so every command carries its transaction (Microsoft.Data.Sqlite insists) in one line.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static void Run(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.Command(transaction, sql);
        command.ExecuteNonQuery();
    }

    /// <summary>Runs one statement on a pooled connection of its own.</summary>
    public static async Task ExecuteAsync(this SqliteDatabase database, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = database.OpenConnection();
        using var command = connection.Command(null, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static DateTimeOffset Instant(this SqliteDataReader row, int ordinal) => new(row.GetInt64(ordinal), TimeSpan.Zero);

    /// <summary>True when no transaction is open on the connection (SQLite's autocommit mode).</summary>
    public static bool AutoCommitMode(this SqliteConnection connection) => raw.sqlite3_get_autocommit(connection.Handle) != 0;
}
