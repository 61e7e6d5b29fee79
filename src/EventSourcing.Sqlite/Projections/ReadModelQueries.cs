using System.Text;
using System.Text.Json;
using EventSourcing.Projections;

namespace EventSourcing.Sqlite.Projections;

/// <summary>Reads documents of a projection's active generation for the application: one by key, or a filtered page.</summary>
internal sealed class ReadModelQueries(SqliteDatabase database, JsonSerializerOptions jsonOptions)
{
    // In the same statement as the rows, so a page never mixes two generations across a switch.
    private const string ActiveDocuments =
        """
        projection = $projection AND json IS NOT NULL
        AND generation = (SELECT generation FROM generations WHERE projection = $projection AND state = 'active')
        """;

    public async Task<T?> GetAsync<T>(string projection, string key, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = database.OpenConnection();
        using var command = connection.Command(null, $"SELECT json FROM documents WHERE {ActiveDocuments} AND key = $key",
            ("$projection", projection), ("$key", key));
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<T>(json, jsonOptions)
            : null;
    }

    public async Task<ReadModelPage<T>> QueryAsync<T>(string projection, ReadModelQuery query, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var after = query.ContinuationToken is { } token ? ReadModelContinuation.Decode(token) : null;

        await using var connection = database.OpenConnection();
        using var command = connection.Command(null, "", ("$projection", projection), ("$after", after), ("$limit", query.Limit + 1));
        var sql = new StringBuilder($"SELECT key, json FROM documents WHERE {ActiveDocuments}");
        if (after is not null) sql.Append(" AND key > $after");
        var index = 0;
        foreach (var (property, value) in query.Filters)
        {
            // Spelled exactly like the property index so SQLite can use it.
            var expression = ReadModelSchema.PropertyExpression(property);
            if (value is null)
            {
                sql.Append(" AND ").Append(expression).Append(" IS NULL");
                continue;
            }
            var name = $"$f{index++}";
            sql.Append(" AND ").Append(expression).Append(" = ").Append(name);
            command.Parameters.AddWithValue(name, SqlValue(value));
        }
        command.CommandText = sql.Append(" ORDER BY key LIMIT $limit").ToString();

        var rows = new List<(string Key, string Json)>();
        using (var row = await command.ExecuteReaderAsync(cancellationToken))
            while (row.Read()) rows.Add((row.GetString(0), row.GetString(1)));

        var more = rows.Count > query.Limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        var items = rows.Select(r => JsonSerializer.Deserialize<T>(r.Json, jsonOptions)!).ToList();
        return new ReadModelPage<T>(items, more ? ReadModelContinuation.Encode(rows[^1].Key) : null);
    }

    // json_extract gives TEXT for strings, INTEGER 1/0 for booleans and INTEGER or REAL for numbers; bind to match.
    private static object SqlValue(object value) => value switch
    {
        bool b => b ? 1L : 0L,
        decimal d => (double)d,
        float f => (double)f,
        int or long or short or byte => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
