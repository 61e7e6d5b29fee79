using System.Buffers.Text;
using System.Globalization;
using System.Text;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Feed;

namespace EventSourcing.Cosmos.Store;

/// <summary>
/// How a correlation trace becomes one query across every partition of the events container: commits' events carrying
/// the id, ordered by commit timestamp, stream id and version (a total order, so pages never overlap or skip), starting
/// after the cursor, at most one more row than the page holds (that row only says another page follows).
/// </summary>
internal sealed record CorrelationQuery(string Text, IReadOnlyDictionary<string, object> Parameters)
{
    private const string NotACursor = "The cursor is not one a page of this correlation trace returned; pass back its 'next'.";

    /// <summary>Where a page ended: the last event's commit timestamp, stream and version.</summary>
    public sealed record Position(DateTimeOffset Timestamp, string StreamId, long Version);

    public static CorrelationQuery For(string correlationId, Position? after, int rows)
    {
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal) { ["@correlation"] = correlationId };
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"SELECT TOP {rows} c.streamId, c.timestamp, e AS entry FROM c JOIN e IN c.events ")
            .Append("WHERE c.kind = 'commit' AND e.correlationId = @correlation");
        if (after is not null)
        {
            text.Append(" AND (c.timestamp > @timestamp OR (c.timestamp = @timestamp AND (c.streamId > @stream OR (c.streamId = @stream AND e.version > @version))))");
            parameters["@timestamp"] = UtcTimestampConverter.ToText(after.Timestamp);
            parameters["@stream"] = after.StreamId;
            parameters["@version"] = after.Version;
        }
        // Served by the composite index (timestamp, streamId, first); a commit's events come in array (version) order.
        text.Append(" ORDER BY c.timestamp ASC, c.streamId ASC, c.first ASC");
        return new CorrelationQuery(text.ToString(), parameters);
    }

    /// <summary>The opaque cursor of a page ending at <paramref name="last"/>.</summary>
    public static string Cursor(Position last)
    {
        ArgumentNullException.ThrowIfNull(last);
        var text = string.Create(CultureInfo.InvariantCulture, $"{UtcTimestampConverter.ToText(last.Timestamp)}|{last.Version}|{last.StreamId}");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <exception cref="InvalidFeedCursorException">Not a cursor <see cref="Cursor"/> made.</exception>
    public static Position ParseCursor(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|', 3);
            if (parts.Length == 3 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version) && parts[2].Length > 0)
                return new Position(UtcTimestampConverter.FromText(parts[0]), parts[2], version);
        }
        catch (FormatException e)
        {
            throw new InvalidFeedCursorException(NotACursor, e);
        }
        throw new InvalidFeedCursorException(NotACursor);
    }
}
