using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>The database schema, created or migrated on open. Each step runs once, in order.</summary>
internal static class Schema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE streams (
            stream_id   TEXT PRIMARY KEY,
            version     INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE events (
            position        INTEGER PRIMARY KEY,
            event_id        BLOB NOT NULL UNIQUE,
            stream_id       TEXT NOT NULL,
            version         INTEGER NOT NULL,
            type            TEXT NOT NULL,
            schema_version  INTEGER NOT NULL,
            timestamp       INTEGER NOT NULL,
            data            BLOB NOT NULL,
            correlation_id  TEXT,
            causation_id    TEXT,
            headers         TEXT,
            UNIQUE (stream_id, version)
        );

        CREATE TABLE snapshots (
            stream_id       TEXT PRIMARY KEY,
            version         INTEGER NOT NULL,
            state_type      TEXT NOT NULL,
            schema_version  INTEGER NOT NULL,
            data            BLOB NOT NULL,
            timestamp       INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
        // One row the writer commits to see whether writes work again after a fault (the health check's probe).
        """
        CREATE TABLE write_probe (
            id          INTEGER PRIMARY KEY,
            written_at  INTEGER NOT NULL,
            data        BLOB NOT NULL
        );
        """,
        // The feed's "since": timestamps never go backwards in position order, so the first event at or after an
        // instant is where a time-filtered read starts, found without scanning what came before.
        """
        CREATE INDEX events_by_timestamp ON events (timestamp);
        """,
        // Correlation traces look events up by correlation id; rows of one id come in rowid (= position) order, so
        // the index serves the commit order without a sort.
        """
        CREATE INDEX events_by_correlation ON events (correlation_id);
        """,
    ];

    /// <summary>Brings the database up to the current schema in one transaction.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (current > Migrations.Length)
            throw new InvalidOperationException(
                $"The database schema is version {current}; this code knows up to {Migrations.Length}. Use a newer build.");
        for (var step = current; step < Migrations.Length; step++)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Migrations[step] + $";\nPRAGMA user_version = {step + 1};";
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
