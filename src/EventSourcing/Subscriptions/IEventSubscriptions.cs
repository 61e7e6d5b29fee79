using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Subscriptions;

/// <summary>
/// Named subscriptions to every event the store commits, at least once and never skipping one, however the store
/// delivers them: the global feed with a checkpoint (SQLite) or the change feed with leases (Cosmos). Saga triggers
/// use it, so the same trigger code runs on either store.
/// </summary>
public interface IEventSubscriptions
{
    /// <summary>Hands events to <paramref name="handle"/> until cancelled; events with the same key arrive in order among themselves.</summary>
    /// <param name="name">Stable name: where the subscription resumes after a restart.</param>
    /// <param name="keyOf">Which events must be handled in order (e.g. those of one order); null: per stream.</param>
    Task RunAsync(string name, Func<RecordedEvent, CancellationToken, Task> handle, Func<RecordedEvent, string?>? keyOf, CancellationToken cancellationToken);
}

/// <summary>Subscriptions over a store's global feed, each a <see cref="FeedSubscription"/> with its checkpoint.</summary>
public sealed class FeedSubscriptions(IEventFeed feed, ISubscriptionCheckpoints checkpoints, ILoggerFactory? loggers = null) : IEventSubscriptions
{
    public Task RunAsync(string name, Func<RecordedEvent, CancellationToken, Task> handle, Func<RecordedEvent, string?>? keyOf, CancellationToken cancellationToken) =>
        new FeedSubscription(name, feed, checkpoints, handle, new FeedSubscriptionOptions { KeyOf = keyOf ?? (e => e.StreamId) },
            loggers?.CreateLogger<FeedSubscription>()).RunAsync(cancellationToken);
}
