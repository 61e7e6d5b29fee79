using EventSourcing.Cosmos.ChangeFeed;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Projections;
using EventSourcing.Projections;
using EventSourcing.Store;
using EventSourcing.Subscriptions;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventSourcing.Cosmos.Subscriptions;

/// <summary>
/// Subscriptions over the change feed: one processor per subscription name (its leases keyed by the name), each batch
/// acknowledged only after every event of it was handled or parked in the subscription's dead letters, so delivery is
/// at least once and nothing is skipped. The change feed orders events per stream only; events of one key from
/// several streams are handled in commit-time order.
/// </summary>
public sealed class ChangeFeedSubscriptions(
    Container events, Container leases, ISubscriptionDeadLetterStore deadLetters, ChangeFeedProjectionOptions? options = null,
    DeliveryPolicy? delivery = null, ILoggerFactory? loggers = null) : IEventSubscriptions
{
    private readonly ChangeFeedProjectionOptions _options = options ?? new ChangeFeedProjectionOptions();
    private readonly DeliveryPolicy _delivery = delivery ?? new DeliveryPolicy { TimeProvider = (options ?? new ChangeFeedProjectionOptions()).TimeProvider };
    private readonly ILogger _logger = (ILogger?)loggers?.CreateLogger<ChangeFeedSubscriptions>() ?? NullLogger.Instance;

    /// <inheritdoc />
    public Task RunAsync(string name, Func<RecordedEvent, CancellationToken, Task> handle, Func<RecordedEvent, string?>? keyOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var processor = ProcessorLoop.Build(events, leases, name, (context, changes, ct) =>
            HandleBatchAsync(name, CosmosJson.ReadPage<CommitDocument>(changes), handle, keyOf ?? (e => e.StreamId), ct), _options, _logger);
        return ProcessorLoop.RunAsync(processor, _options.RestartDelay, _options.TimeProvider, _logger, cancellationToken);
    }

    /// <summary>Handles one batch of change-feed documents: the processor calls it, and so does the Functions CosmosDBTrigger.</summary>
    /// <exception cref="OperationCanceledException">Cancelled first: the batch must not be acknowledged, it will be delivered again.</exception>
    public async Task HandleBatchAsync(
        string name, IReadOnlyCollection<CommitDocument> batch, Func<RecordedEvent, CancellationToken, Task> handle, Func<RecordedEvent, string?> keyOf,
        CancellationToken cancellationToken)
    {
        var keyed = ChangeFeedDispatcher.Streams(batch).Values.SelectMany(e => e)
            .OrderBy(e => e.Timestamp).ThenBy(e => e.StreamId, StringComparer.Ordinal).ThenBy(e => e.StreamVersion)
            .GroupBy(e => keyOf(e) ?? e.StreamId, StringComparer.Ordinal);
        // Returns once each event is handled or parked; a dead-letter store out of reach throws, and the batch comes again.
        await KeyedDelivery.HandleAsync(name, keyed, handle, _delivery, deadLetters, _logger, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SubscriptionDeadLetter>> GetDeadLettersAsync(string name, CancellationToken cancellationToken = default) =>
        deadLetters.ListAsync(name, cancellationToken);

    /// <inheritdoc />
    public Task<DeadLetterRetryResult> RetryDeadLettersAsync(string name, Func<RecordedEvent, CancellationToken, Task> handle, CancellationToken cancellationToken = default) =>
        SubscriptionDeadLetterRetry.RetryAsync(name, handle, deadLetters, _delivery.TimeProvider, _logger, cancellationToken);
}
