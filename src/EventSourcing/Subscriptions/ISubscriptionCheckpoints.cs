namespace EventSourcing.Subscriptions;

/// <summary>How far each feed subscription has handled the feed: the last position it is done with (0: none).</summary>
public interface ISubscriptionCheckpoints
{
    /// <summary>The last position the subscription is done with; 0 before its first save.</summary>
    Task<long> GetAsync(string subscription, CancellationToken cancellationToken = default);

    /// <summary>Records progress; a position lower than the stored one is ignored, so a checkpoint never moves back.</summary>
    Task SaveAsync(string subscription, long position, CancellationToken cancellationToken = default);
}
