using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite.Projections;

/// <summary>The read-model schema, created or migrated on open. Each step runs once, in order (PRAGMA user_version).</summary>
internal static class ReadModelSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE generations (
            projection  TEXT NOT NULL,
            generation  INTEGER NOT NULL,
            state       TEXT NOT NULL CHECK (state IN ('active', 'building')),
            checkpoint  INTEGER NOT NULL,
            updated_at  INTEGER NOT NULL,
            PRIMARY KEY (projection, generation)
        ) WITHOUT ROWID;
        -- At most one generation answers reads and at most one is being built, per projection.
        CREATE UNIQUE INDEX generations_one_per_state ON generations (projection, state);

        CREATE TABLE documents (
            projection  TEXT NOT NULL,
            generation  INTEGER NOT NULL,
            key         TEXT NOT NULL,
            json        TEXT,            -- NULL: deleted; the row stays so its versions still turn away redeliveries
            versions    TEXT NOT NULL,   -- {"streamId": last applied version, ...}
            updated_at  INTEGER NOT NULL,
            PRIMARY KEY (projection, generation, key)
        ) WITHOUT ROWID;

        CREATE TABLE dead_letters (
            projection      TEXT NOT NULL,
            generation      INTEGER NOT NULL,
            position        INTEGER NOT NULL,
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
            PRIMARY KEY (projection, generation, position)
        ) WITHOUT ROWID;
        CREATE INDEX dead_letters_by_stream ON dead_letters (projection, generation, stream_id, position);
        """,
    ];

    public static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var version = connection.Command(transaction, "PRAGMA user_version");
        var current = Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (current > Migrations.Length)
            throw new InvalidOperationException(
                $"The read-model schema is version {current}; this code knows up to {Migrations.Length}. Use a newer build.");
        for (var step = current; step < Migrations.Length; step++)
            connection.Run(Migrations[step] + $";\nPRAGMA user_version = {step + 1};", transaction);
        transaction.Commit();
    }

    /// <summary>
    /// An index serving equality filters on one top-level property, in key order. The query must spell the
    /// expression exactly like this for SQLite to use it. <paramref name="property"/> is a validated identifier.
    /// </summary>
    public static string PropertyIndex(string property) =>
        $"CREATE INDEX IF NOT EXISTS \"documents_by_{property}\" ON documents (projection, generation, {PropertyExpression(property)}, key)";

    public static string PropertyExpression(string property) => $"json_extract(json, '$.{property}')";
}
