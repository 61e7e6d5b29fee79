using System.Globalization;
using EventSourcing.Feed;
using EventSourcing.Store;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>
/// The feed over the embedded store: the cursor is the global position of the last event read or passed over.
/// Positions are assigned in commit order without holes in what is committed, so "after position p" never misses an
/// event that commits later. Filters run in SQL; a filtered read looks at most <see cref="ScanWindow"/> positions,
/// so a rare type costs bounded work per request and the cursor still moves on. Long polls wake on the writer's commit
/// signal, not by polling.
/// </summary>
public sealed class SqliteFeedReader(SqliteEventStore store, TimeProvider? time = null) : IEventFeedReader, IReportsConnectionSettings
{
    /// <summary>The name cursors of this feed carry.</summary>
    public const string StoreName = "sqlite";

    /// <summary>How many positions a filtered read looks at before it answers (possibly with an empty page).</summary>
    public const int ScanWindow = 10_000;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public async Task<FeedPage> ReadAsync(FeedRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var after = request.After is { } cursor ? FeedCursor.Decode<Position>(cursor, StoreName).P : 0;
        if (after < 0) throw new InvalidFeedCursorException("The cursor is malformed: pass back a 'next' this feed returned.");

        var deadline = _time.GetUtcNow() + request.Wait;
        while (true)
        {
            var (events, next, head) = Read(after, request.MaxCount, request.Filter);
            var page = new FeedPage(events, FeedCursor.Encode(StoreName, new Position(next)), CaughtUp: next >= head);
            var remaining = deadline - _time.GetUtcNow();
            if (events.Count > 0 || !page.CaughtUp || remaining <= TimeSpan.Zero) return page;
            try
            {
                await store.WaitForEventsAsync(head, cancellationToken).WaitAsync(remaining, _time, cancellationToken);
            }
            catch (TimeoutException)
            {
                return page;
            }
            after = next;
        }
    }

    // The event store's pooled read connections: the same file and settings as its other reads.
    Task<IReadOnlyList<ConnectionSettings>> IReportsConnectionSettings.ReadConnectionSettingsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConnectionSettings>>([store.Database.ReadSettings("event store: feed reads")]);

    private (List<RecordedEvent> Events, long Next, long Head) Read(long after, int maxCount, FeedFilter filter)
    {
        using var connection = store.Database.OpenConnection();
        // The head first: every position up to it is committed, so reading no further than it is one consistent view.
        var head = Scalar(connection, "SELECT COALESCE(MAX(position), 0) FROM events", []) ?? 0;
        // Positions never go back, so a cursor past the head was issued by another database (or one since wiped).
        if (after > head)
            throw new InvalidFeedCursorException($"The cursor is at position {after}, past this store's newest event ({head}): it was issued by another store.");
        if (filter.Since is { } since)
        {
            var first = Scalar(connection,
                "SELECT position FROM events WHERE timestamp >= $since AND position <= $head ORDER BY timestamp, position LIMIT 1",
                [("$since", since.UtcTicks), ("$head", head)]);
            after = Math.Max(after, first is { } position ? position - 1 : head);
        }
        var until = filter.IsEmpty ? head : Math.Min(head, after + ScanWindow);
        if (until <= after) return ([], Math.Max(after, 0), head);

        using var command = connection.CreateCommand();
        var conditions = new List<string> { "position > $after", "position <= $until" };
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$until", until);
        command.Parameters.AddWithValue("$max", maxCount);
        if (filter.Types is { } types)
        {
            var names = types.Select((type, i) =>
            {
                var name = "$type" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.AddWithValue(name, type);
                return name;
            }).ToList();
            conditions.Add($"type IN ({string.Join(", ", names)})");
        }
        if (filter.StreamPrefix is { } prefix)
        {
            conditions.Add("instr(stream_id, $prefix) = 1");
            command.Parameters.AddWithValue("$prefix", prefix);
        }
        if (filter.Since is { } from)
        {
            conditions.Add("timestamp >= $since");
            command.Parameters.AddWithValue("$since", from.UtcTicks);
        }
        command.CommandText =
            $"SELECT {SqliteEventStore.EventColumns} FROM events WHERE {string.Join(" AND ", conditions)} ORDER BY position LIMIT $max";
        var events = EventRows.ReadAll(command);
        // A full page continues after its last event; otherwise everything up to "until" has been looked at.
        var next = events.Count == maxCount ? events[^1].Position!.Value : until;
        return (events, next, head);
    }

    private static long? Scalar(SqliteConnection connection, string sql, (string Name, long Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, argument) in parameters) command.Parameters.AddWithValue(name, argument);
        return command.ExecuteScalar() is long value ? value : null;
    }

    private sealed record Position(long P);
}
