using EventSourcing.Projections;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventSourcing.Subscriptions;

/// <summary>
/// Named subscriptions to every event the store commits, at least once and never skipping one, however the store
/// delivers them: the global feed with a checkpoint (SQLite) or the change feed with leases (Cosmos). An event the
/// handler keeps failing on is parked in the subscription's dead letters (with what follows it for the same key) and
/// delivery moves on. Saga triggers use it, so the same trigger code runs on either store.
/// </summary>
public interface IEventSubscriptions
{
    /// <summary>Hands events to <paramref name="handle"/> until cancelled; events with the same key arrive in order among themselves.</summary>
    /// <param name="name">Stable name: where the subscription resumes after a restart.</param>
    /// <param name="keyOf">Which events must be handled in order (e.g. those of one order); null: per stream.</param>
    Task RunAsync(string name, Func<RecordedEvent, CancellationToken, Task> handle, Func<RecordedEvent, string?>? keyOf, CancellationToken cancellationToken);

    /// <summary>The subscription's parked events, in feed order.</summary>
    Task<IReadOnlyList<SubscriptionDeadLetter>> GetDeadLettersAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Hands the subscription's parked events to <paramref name="handle"/> again, in order per key; those that now pass are removed.</summary>
    Task<DeadLetterRetryResult> RetryDeadLettersAsync(string name, Func<RecordedEvent, CancellationToken, Task> handle, CancellationToken cancellationToken = default);
}

/// <summary>Subscriptions over a store's global feed, each a <see cref="FeedSubscription"/> with its checkpoint and dead letters.</summary>
public sealed class FeedSubscriptions(
    IEventFeed feed, ISubscriptionCheckpoints checkpoints, ISubscriptionDeadLetterStore deadLetters, DeliveryPolicy? delivery = null,
    ILoggerFactory? loggers = null) : IEventSubscriptions
{
    private readonly DeliveryPolicy _delivery = delivery ?? new DeliveryPolicy();
    private readonly ILogger _logger = (ILogger?)loggers?.CreateLogger<FeedSubscription>() ?? NullLogger.Instance;

    public Task RunAsync(string name, Func<RecordedEvent, CancellationToken, Task> handle, Func<RecordedEvent, string?>? keyOf, CancellationToken cancellationToken) =>
        new FeedSubscription(name, feed, checkpoints, deadLetters, handle, new FeedSubscriptionOptions { KeyOf = keyOf ?? (e => e.StreamId), Delivery = _delivery },
            _logger).RunAsync(cancellationToken);

    public Task<IReadOnlyList<SubscriptionDeadLetter>> GetDeadLettersAsync(string name, CancellationToken cancellationToken = default) =>
        deadLetters.ListAsync(name, cancellationToken);

    public Task<DeadLetterRetryResult> RetryDeadLettersAsync(string name, Func<RecordedEvent, CancellationToken, Task> handle, CancellationToken cancellationToken = default) =>
        SubscriptionDeadLetterRetry.RetryAsync(name, handle, deadLetters, _delivery.TimeProvider, _logger, cancellationToken);
}
