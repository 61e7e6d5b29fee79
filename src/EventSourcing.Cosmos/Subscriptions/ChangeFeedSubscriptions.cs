using EventSourcing.Cosmos.ChangeFeed;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Projections;
using EventSourcing.Store;
using EventSourcing.Subscriptions;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventSourcing.Cosmos.Subscriptions;

/// <summary>
/// Subscriptions over the change feed: one processor per subscription name (its leases keyed by the name), each batch
/// acknowledged only after every event of it was handled, so delivery is at least once and nothing is skipped. The
/// change feed orders events per stream only; events of one key from several streams are handled in commit-time order.
/// </summary>
public sealed class ChangeFeedSubscriptions(
    Container events, Container leases, ChangeFeedProjectionOptions? options = null, ILoggerFactory? loggers = null) : IEventSubscriptions
{
    private readonly ChangeFeedProjectionOptions _options = options ?? new ChangeFeedProjectionOptions();
    private readonly ILogger _logger = (ILogger?)loggers?.CreateLogger<ChangeFeedSubscriptions>() ?? NullLogger.Instance;

    public Task RunAsync(string name, Func<RecordedEvent, CancellationToken, Task> handle, Func<RecordedEvent, string?>? keyOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var processor = ProcessorLoop.Build(events, leases, name, (context, changes, ct) =>
            HandleBatchAsync(name, CosmosJson.ReadPage<CommitDocument>(changes), handle, keyOf ?? (e => e.StreamId), ct), _options, _logger);
        return ProcessorLoop.RunAsync(processor, _options.RestartDelay, _options.TimeProvider, _logger, cancellationToken);
    }

    /// <summary>Handles one batch of change-feed documents: the processor calls it, and so does the Functions CosmosDBTrigger.</summary>
    public async Task HandleBatchAsync(
        string name, IReadOnlyCollection<CommitDocument> batch, Func<RecordedEvent, CancellationToken, Task> handle, Func<RecordedEvent, string?> keyOf,
        CancellationToken cancellationToken)
    {
        var keyed = ChangeFeedDispatcher.Streams(batch).Values.SelectMany(e => e)
            .GroupBy(e => keyOf(e) ?? e.StreamId, StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.Timestamp).ThenBy(e => e.StreamId, StringComparer.Ordinal).ThenBy(e => e.StreamVersion).ToList());
        // An exception escaping the handler would lose the batch: KeyedDelivery retries until it passes or the host stops.
        await KeyedDelivery.HandleAsync(name, keyed, handle, MaxConcurrency, _options.RestartDelay, _options.TimeProvider, _logger, cancellationToken);
    }

    private const int MaxConcurrency = 32;
}
