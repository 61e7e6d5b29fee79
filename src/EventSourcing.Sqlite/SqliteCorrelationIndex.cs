using System.Globalization;
using EventSourcing.Feed;
using EventSourcing.Store;

namespace EventSourcing.Sqlite;

/// <summary>
/// Events by correlation id, from the index on <c>events.correlation_id</c>, in position order (the commit order).
/// The cursor is the position of a page's last event.
/// </summary>
public sealed class SqliteCorrelationIndex : ICorrelationIndex, IReportsConnectionSettings
{
    /// <summary>The query a page runs; tests ask SQLite how it plans it.</summary>
    internal const string Query =
        $"SELECT {SqliteEventStore.EventColumns} FROM events WHERE correlation_id = $correlation AND position > $after ORDER BY position LIMIT $max";

    private readonly SqliteDatabase _database;

    internal SqliteCorrelationIndex(SqliteDatabase database) => _database = database;

    Task<IReadOnlyList<ConnectionSettings>> IReportsConnectionSettings.ReadConnectionSettingsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConnectionSettings>>([_database.ReadSettings("correlation index")]);

    /// <inheritdoc />
    public async Task<CorrelatedPage> ReadCorrelatedAsync(string correlationId, string? after, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(correlationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        var from = ParseCursor(after);

        await using var connection = _database.OpenConnection();
        // One row more than asked says whether another page follows, without a second query.
        using var command = connection.Command(null, Query, ("$correlation", correlationId), ("$after", from), ("$max", maxCount + 1));
        var events = EventRows.ReadAll(command);
        if (events.Count <= maxCount) return new CorrelatedPage(events, null);
        events.RemoveAt(maxCount);
        return new CorrelatedPage(events, events[^1].Position!.Value.ToString(CultureInfo.InvariantCulture));
    }

    private static long ParseCursor(string? after) =>
        after is null ? 0
        : long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position > 0 ? position
        : throw new InvalidFeedCursorException("The cursor is not one a page of this correlation trace returned; pass back its 'next'.");
}
