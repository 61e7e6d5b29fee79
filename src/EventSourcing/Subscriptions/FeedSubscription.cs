using EventSourcing.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventSourcing.Subscriptions;

/// <summary>
/// Hands every event of the feed to a handler at least once: the checkpoint moves only past pages the handler
/// finished with, so a crash repeats a few events and never skips one. Handlers must be idempotent (saga triggers
/// are: starts and raised events are keyed by the event that caused them). Events with the same key
/// (<see cref="FeedSubscriptionOptions.KeyOf"/>) are handled one after another in position order; events with
/// different keys may be handled at the same time.
/// </summary>
public sealed class FeedSubscription(
    string name,
    IEventFeed feed,
    ISubscriptionCheckpoints checkpoints,
    Func<RecordedEvent, CancellationToken, Task> handle,
    FeedSubscriptionOptions? options = null,
    ILogger? logger = null)
{
    private readonly FeedSubscriptionOptions _options = options ?? new();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public string Name => name;

    /// <summary>Follows the feed until cancelled. A handler that throws is retried after a pause; the event is never skipped.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var position = await checkpoints.GetAsync(name, cancellationToken);
        var saved = position;
        var savedAt = _options.TimeProvider.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await feed.ReadAllAsync(position + 1, _options.PageSize, cancellationToken);
            if (page.Count == 0)
            {
                if (saved < position) (saved, savedAt) = (await SaveAsync(position, cancellationToken), _options.TimeProvider.GetTimestamp());
                await feed.WaitForEventsAsync(position, cancellationToken);
                continue;
            }
            await KeyedDelivery.HandleAsync(name, page.GroupBy(e => _options.KeyOf?.Invoke(e) ?? "", StringComparer.Ordinal), handle,
                _options.MaxConcurrency, _options.RetryDelay, _options.TimeProvider, _logger, cancellationToken);
            position = page[^1].Position!.Value;
            // Saved at most every CheckpointInterval while busy (and whenever the feed runs dry): a restart repeats
            // what came after, which handlers take in their stride, instead of every page paying a durable write.
            if (_options.TimeProvider.GetElapsedTime(savedAt) >= _options.CheckpointInterval)
                (saved, savedAt) = (await SaveAsync(position, cancellationToken), _options.TimeProvider.GetTimestamp());
        }
    }

    private async Task<long> SaveAsync(long position, CancellationToken cancellationToken)
    {
        await checkpoints.SaveAsync(name, position, cancellationToken);
        return position;
    }
}

/// <summary>How a feed subscription reads, orders and retries.</summary>
public sealed record FeedSubscriptionOptions(int PageSize = 256)
{
    /// <summary>Which events must be handled in order among themselves (e.g. all events of one order); null: all of them.</summary>
    public Func<RecordedEvent, string?>? KeyOf { get; init; }

    /// <summary>How often the checkpoint is saved while events keep coming.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many keys are handled at once.</summary>
    public int MaxConcurrency { get; init; } = 32;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
