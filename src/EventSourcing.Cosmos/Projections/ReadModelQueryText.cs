using System.Globalization;
using System.Text;
using EventSourcing.Projections;

namespace EventSourcing.Cosmos.Projections;

/// <summary>
/// A <see cref="ReadModelQuery"/> as Cosmos SQL over the read-models container: the projection's live documents,
/// equality filters on the document's top-level properties, ordered by key, one more than a page to know whether
/// another follows. Null matches a missing property too, as it does on SQLite.
/// </summary>
internal static class ReadModelQueryText
{
    public static (string Text, IReadOnlyList<(string Name, object? Value)> Parameters) Build(string projection, ReadModelQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<(string, object?)> { ("@projection", projection) };
        var text = new StringBuilder("SELECT TOP ")
            .Append((query.Limit + 1).ToString(CultureInfo.InvariantCulture))
            .Append(" c.key, c.doc FROM c WHERE c.projection = @projection AND IS_DEFINED(c.doc) AND NOT IS_NULL(c.doc)");
        if (query.ContinuationToken is { } token)
        {
            text.Append(" AND c.key > @after");
            parameters.Add(("@after", ReadModelContinuation.Decode(token)));
        }
        var index = 0;
        foreach (var (property, value) in query.Filters.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            // Validated as an identifier; bracketed so names that are SQL keywords (value, order…) still work.
            var path = $"c.doc[\"{property}\"]";
            if (value is null)
            {
                text.Append(" AND (NOT IS_DEFINED(").Append(path).Append(") OR IS_NULL(").Append(path).Append("))");
                continue;
            }
            var name = $"@f{index++}";
            text.Append(" AND ").Append(path).Append(" = ").Append(name);
            parameters.Add((name, value));
        }
        return (text.Append(" ORDER BY c.key").ToString(), parameters);
    }
}
