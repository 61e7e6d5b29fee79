using EventSourcing.Store;

namespace EventSourcing.Feed;

/// <summary>
/// Which events a page returns. Applied by the store, so a subscriber interested in a few types does not download the
/// rest; every condition given must hold.
/// </summary>
/// <param name="Types">Stored event names (any of them); null for every type.</param>
/// <param name="StreamPrefix">Only streams whose id starts with it (ordinal); null for every stream.</param>
/// <param name="Since">Only events committed at or after it; without a cursor the feed starts there.</param>
public sealed record FeedFilter(IReadOnlySet<string>? Types = null, string? StreamPrefix = null, DateTimeOffset? Since = null)
{
    /// <summary>Every event.</summary>
    public static FeedFilter None { get; } = new();

    /// <summary>True when the filter lets every event through.</summary>
    public bool IsEmpty => Types is null && StreamPrefix is null && Since is null;

    /// <summary>Whether the event passes every condition of the filter.</summary>
    public bool Matches(RecordedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return (Types is null || Types.Contains(e.Type))
            && (StreamPrefix is null || e.StreamId.StartsWith(StreamPrefix, StringComparison.Ordinal))
            && (Since is null || e.Timestamp >= Since);
    }

    /// <summary>Equal when prefix, start and the set of types are the same.</summary>
    public bool Equals(FeedFilter? other) =>
        other is not null && StreamPrefix == other.StreamPrefix && Since == other.Since
        && (Types is null ? other.Types is null : other.Types is not null && Types.SetEquals(other.Types));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StreamPrefix, Since, Types?.Count);
}
