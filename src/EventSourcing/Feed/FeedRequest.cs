namespace EventSourcing.Feed;

/// <summary>What a subscriber asks the feed for: where to continue, how much, how long to wait, which events.</summary>
public sealed record FeedRequest
{
    /// <summary>Events per page when the caller does not say.</summary>
    public const int DefaultMaxCount = 100;

    /// <summary>The most events one page may ask for.</summary>
    public const int MaxMaxCount = 1000;

    /// <summary>The longest a request may wait for new events: long enough to save polling, short enough for proxies' timeouts.</summary>
    public static TimeSpan MaxWait { get; } = TimeSpan.FromSeconds(30);

    /// <summary>A cursor from an earlier page's <see cref="FeedPage.Next"/>; null starts at the beginning (or at <see cref="FeedFilter.Since"/>).</summary>
    public string? After { get; init; }

    /// <summary>At most this many events, 1 to <see cref="MaxMaxCount"/>.</summary>
    public int MaxCount { get; init; } = DefaultMaxCount;

    /// <summary>How long to wait when no event is there yet, zero to <see cref="MaxWait"/>; zero answers at once.</summary>
    public TimeSpan Wait { get; init; }

    /// <summary>Which events to return; the cursor moves past the others.</summary>
    public FeedFilter Filter { get; init; } = FeedFilter.None;

    /// <exception cref="ArgumentOutOfRangeException">MaxCount or Wait is out of bounds.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCount, 1, nameof(MaxCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxCount, MaxMaxCount, nameof(MaxCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(Wait, TimeSpan.Zero, nameof(Wait));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Wait, MaxWait, nameof(Wait));
        ArgumentNullException.ThrowIfNull(Filter);
    }
}
