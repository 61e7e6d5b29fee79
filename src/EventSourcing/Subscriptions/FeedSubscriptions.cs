using EventSourcing.Projections;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventSourcing.Subscriptions;

/// <summary>Subscriptions over a store's global feed, each a <see cref="FeedSubscription"/> with its checkpoint and dead letters.</summary>
public sealed class FeedSubscriptions(
    IEventFeed feed, ISubscriptionCheckpoints checkpoints, ISubscriptionDeadLetterStore deadLetters, DeliveryPolicy? delivery = null,
    ILoggerFactory? loggers = null) : IEventSubscriptions
{
    private readonly DeliveryPolicy _delivery = delivery ?? new DeliveryPolicy();
    private readonly ILogger _logger = (ILogger?)loggers?.CreateLogger<FeedSubscription>() ?? NullLogger.Instance;

    /// <inheritdoc />
    public Task RunAsync(string name, Func<RecordedEvent, CancellationToken, Task> handle, Func<RecordedEvent, string?>? keyOf, CancellationToken cancellationToken) =>
        new FeedSubscription(name, feed, checkpoints, deadLetters, handle, new FeedSubscriptionOptions { KeyOf = keyOf ?? (e => e.StreamId), Delivery = _delivery },
            _logger).RunAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SubscriptionDeadLetter>> GetDeadLettersAsync(string name, CancellationToken cancellationToken = default) =>
        deadLetters.ListAsync(name, cancellationToken);

    /// <inheritdoc />
    public Task<DeadLetterRetryResult> RetryDeadLettersAsync(string name, Func<RecordedEvent, CancellationToken, Task> handle, CancellationToken cancellationToken = default) =>
        SubscriptionDeadLetterRetry.RetryAsync(name, handle, deadLetters, _delivery.TimeProvider, _logger, cancellationToken);
}
