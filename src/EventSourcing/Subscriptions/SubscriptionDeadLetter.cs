using EventSourcing.Store;

namespace EventSourcing.Subscriptions;

/// <summary>An event a subscription's handler gave up on (or that waits behind one), with everything needed to hand it over again without the feed.</summary>
/// <param name="Subscription">The subscription's name.</param>
/// <param name="Key">Its ordering key: later events with this key wait behind it.</param>
/// <param name="Error">Exception type and message of the last attempt (never a stack trace), or which parked event it waits behind.</param>
/// <param name="Attempts">How many times the handler was tried on it (0: it waits behind another).</param>
public sealed record SubscriptionDeadLetter(
    string Subscription, string Key, RecordedEvent Event, string Error, int Attempts, DateTimeOffset ParkedAt)
{
    /// <summary>
    /// Feed order, as far as the store has one: the global position where there is one (SQLite), else commit time,
    /// stream and version (the Cosmos change feed, which orders events per stream only).
    /// </summary>
    public static IComparer<SubscriptionDeadLetter> FeedOrder { get; } = Comparer<SubscriptionDeadLetter>.Create((a, b) =>
    {
        var (x, y) = (a.Event, b.Event);
        if (x.Position is { } px && y.Position is { } py) return px.CompareTo(py);
        var byTime = x.Timestamp.CompareTo(y.Timestamp);
        if (byTime != 0) return byTime;
        var byStream = string.CompareOrdinal(x.StreamId, y.StreamId);
        return byStream != 0 ? byStream : x.StreamVersion.CompareTo(y.StreamVersion);
    });

    /// <summary>The error text of an event parked behind <paramref name="first"/>.</summary>
    public static string WaitingBehind(Guid first) => $"Waiting behind parked event {first} of the same key.";
}
