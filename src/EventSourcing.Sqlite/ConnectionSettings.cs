using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>
/// The durability settings a live connection runs with, as SQLite reports them (not as the code meant to set them),
/// so a test can show that every connection that writes uses WAL and fsyncs each commit.
/// </summary>
/// <param name="Connection">Which connection: the store and its role, e.g. "event store writer".</param>
/// <param name="JournalMode">PRAGMA journal_mode, e.g. "wal".</param>
/// <param name="Synchronous">PRAGMA synchronous by name: OFF, NORMAL, FULL or EXTRA.</param>
/// <param name="DatabasePath">The file the connection has open.</param>
internal sealed record ConnectionSettings(string Connection, string JournalMode, string Synchronous, string DatabasePath)
{
    private static readonly string[] SynchronousNames = ["OFF", "NORMAL", "FULL", "EXTRA"];

    public static ConnectionSettings Read(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var journalMode = (string)command.ExecuteScalar()!;
        command.CommandText = "PRAGMA synchronous";
        var synchronous = (long)command.ExecuteScalar()!;
        command.CommandText = "PRAGMA database_list";
        string path;
        using (var rows = command.ExecuteReader())
        {
            rows.Read();
            path = rows.GetString(2);
        }
        return new ConnectionSettings(name, journalMode, SynchronousNames[synchronous], path);
    }
}
