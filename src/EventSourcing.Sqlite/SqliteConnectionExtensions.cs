using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EventSourcing.Sqlite;

internal static class SqliteConnectionExtensions
{
    /// <summary>True when no transaction is open on the connection (SQLite's autocommit mode).</summary>
    public static bool AutoCommitMode(this SqliteConnection connection) => raw.sqlite3_get_autocommit(connection.Handle) != 0;
}
