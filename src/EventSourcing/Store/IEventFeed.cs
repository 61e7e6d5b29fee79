namespace EventSourcing.Store;

/// <summary>
/// All events of a store in one global order: the feed projections and saga starters follow.
/// Implemented by stores that have a global position (SQLite); on Cosmos the change feed plays
/// this part, so it is a separate contract from <see cref="IEventStore"/>.
/// </summary>
public interface IEventFeed
{
    /// <summary>
    /// Events with a position of <paramref name="fromPosition"/> or more, in position order.
    /// Never skips a committed event: a later call never returns a position below one already returned.
    /// </summary>
    Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long fromPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The position of the newest committed event; 0 when the store is empty.</summary>
    Task<long> GetHeadPositionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes once the head is past <paramref name="afterPosition"/>, so followers wake on new events instead of polling.
    /// The default polls the head; stores that know when they commit complete it at once.
    /// </summary>
    async Task WaitForEventsAsync(long afterPosition, CancellationToken cancellationToken = default)
    {
        while (await GetHeadPositionAsync(cancellationToken) <= afterPosition)
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
    }
}
