using EventSourcing.Store;

namespace EventSourcing.Sqlite;

/// <summary>Reads the global log in position order: a page from a position, and the head.</summary>
internal sealed class GlobalLogReads(SqliteDatabase database)
{
    public async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long fromPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromPosition);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        await using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        // Positions are assigned by the single writer in commit order, so a committed prefix has no holes:
        // reading "position >= from" can never skip an event that commits later.
        command.CommandText = $"SELECT {SqliteEventStore.EventColumns} FROM events WHERE position >= $from ORDER BY position LIMIT $max";
        command.Parameters.AddWithValue("$from", fromPosition);
        command.Parameters.AddWithValue("$max", maxCount);
        return EventRows.ReadAll(command);
    }

    public async Task<long> GetHeadPositionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(position), 0) FROM events";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
