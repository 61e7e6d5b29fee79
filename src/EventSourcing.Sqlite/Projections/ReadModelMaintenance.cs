using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite.Projections;

internal static class ReadModelMaintenance
{
    /// <summary>
    /// Refreshes planner statistics where tables grew a lot (bounded work). Without them SQLite walks documents in
    /// key order instead of using a property index, which turns filtered queries into scans.
    /// </summary>
    public static void Optimize(SqliteConnection connection) => connection.Run("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;");
}
