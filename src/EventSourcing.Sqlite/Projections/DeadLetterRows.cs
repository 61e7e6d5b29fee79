using EventSourcing.Projections;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite.Projections;

/// <summary>Maps dead letters to rows and back; the row keeps the whole event so a retry needs nothing else.</summary>
internal static class DeadLetterRows
{
    public const string Columns = $"projection, generation, {DeadLetterEventColumns.Names}, error, attempts, parked_at";

    private static readonly string[] Parameters = [.. Columns.Split(", ").Select(c => "$" + c)];

    public static SqliteCommand Upsert(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.Command(transaction,
            $"""
            INSERT INTO dead_letters ({Columns}) VALUES ({string.Join(", ", Parameters)})
            ON CONFLICT (projection, generation, position) DO UPDATE SET
                error = excluded.error, attempts = excluded.attempts, parked_at = excluded.parked_at
            """);
        foreach (var name in Parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    public static SqliteCommand Bind(SqliteCommand upsert, DeadLetter letter)
    {
        object[] values = [letter.Projection, letter.Generation, .. DeadLetterEventColumns.Values(letter.Event), letter.Error, letter.Attempts, letter.ParkedAt.UtcTicks];
        for (var i = 0; i < values.Length; i++) upsert.Parameters[i].Value = values[i];
        return upsert;
    }

    public static List<DeadLetter> ReadAll(SqliteCommand command)
    {
        const int after = 2 + DeadLetterEventColumns.Count;
        var letters = new List<DeadLetter>();
        using var row = command.ExecuteReader();
        while (row.Read())
            letters.Add(new DeadLetter(row.GetString(0), row.GetInt32(1), DeadLetterEventColumns.Read(row, 2), row.GetString(after), row.GetInt32(after + 1),
                row.Instant(after + 2)));
        return letters;
    }
}
