namespace EventSourcing.Subscriptions;

/// <summary>
/// Where a subscription parks events its handler gave up on, and those of the same key that arrived after them,
/// keyed by subscription and event id. Storage-specific; <see cref="KeyedDelivery"/> drives it.
/// </summary>
public interface ISubscriptionDeadLetterStore
{
    /// <summary>For each of <paramref name="keys"/> that has parked events in the subscription, the id of its first one in feed order.</summary>
    Task<IReadOnlyDictionary<string, Guid>> GetParkedKeysAsync(string subscription, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Adds the letter, or replaces the one of the same subscription and event.</summary>
    Task ParkAsync(SubscriptionDeadLetter letter, CancellationToken cancellationToken = default);

    /// <summary>Removes the letter (nothing happens when it is already gone).</summary>
    Task ReleaseAsync(SubscriptionDeadLetter letter, CancellationToken cancellationToken = default);

    /// <summary>The subscription's letters in feed order (<see cref="SubscriptionDeadLetter.FeedOrder"/>).</summary>
    Task<IReadOnlyList<SubscriptionDeadLetter>> ListAsync(string subscription, CancellationToken cancellationToken = default);
}
