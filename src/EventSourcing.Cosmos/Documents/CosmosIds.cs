using System.Text;

namespace EventSourcing.Cosmos.Documents;

/// <summary>Document ids built from caller-chosen text (read-model keys, idempotency keys).</summary>
public static class CosmosIds
{
    /// <summary>Longest id Cosmos accepts.</summary>
    public const int MaxLength = 255;

    /// <summary>
    /// <paramref name="prefix"/> and <paramref name="key"/> joined by ':', with the characters Cosmos forbids in ids
    /// ('/', '\', '?', '#') and '%' percent-encoded, so any key works and two keys never share an id.
    /// </summary>
    /// <returns>The id, or null when it would be longer than <see cref="MaxLength"/>.</returns>
    public static string? TryEncode(string prefix, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var id = new StringBuilder(prefix).Append(':');
        foreach (var c in key)
        {
            _ = c switch
            {
                '%' => id.Append("%25"),
                '/' => id.Append("%2F"),
                '\\' => id.Append("%5C"),
                '?' => id.Append("%3F"),
                '#' => id.Append("%23"),
                _ => id.Append(c),
            };
        }
        return id.Length <= MaxLength ? id.ToString() : null;
    }
}
