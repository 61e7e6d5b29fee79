using EventSourcing.Diagnostics;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventSourcing.Subscriptions;

/// <summary>
/// Hands every event of the feed to a handler at least once: the checkpoint moves only past pages whose events were
/// all handled or parked (see <see cref="KeyedDelivery"/>), so a crash repeats a few events and never skips one.
/// Handlers must be idempotent (saga triggers are: starts and raised events are keyed by the event that caused them).
/// Events with the same key (<see cref="FeedSubscriptionOptions.KeyOf"/>) are handled one after another in position
/// order; events with different keys may be handled at the same time.
/// </summary>
public sealed class FeedSubscription(
    string name,
    IEventFeed feed,
    ISubscriptionCheckpoints checkpoints,
    ISubscriptionDeadLetterStore deadLetters,
    Func<RecordedEvent, CancellationToken, Task> handle,
    FeedSubscriptionOptions? options = null,
    ILogger? logger = null)
{
    private readonly FeedSubscriptionOptions _options = options ?? new();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>The subscription's name: the key of its checkpoint and dead letters.</summary>
    public string Name => name;

    /// <summary>
    /// Follows the feed until cancelled. A failing handler is retried and then its event parked; a failing feed,
    /// checkpoint or dead-letter store is logged and the page tried again after a growing pause, never skipped.
    /// </summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        RetryingLoop.RunAsync($"subscription {name}", FollowAsync, _options.Delivery.Backoff, _options.Delivery.TimeProvider, _logger, cancellationToken);

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        var time = _options.Delivery.TimeProvider;
        var position = await checkpoints.GetAsync(name, cancellationToken);
        var saved = position;
        var savedAt = time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await feed.ReadAllAsync(position + 1, _options.PageSize, cancellationToken);
            if (page.Count == 0)
            {
                if (saved < position) (saved, savedAt) = (await SaveAsync(position, cancellationToken), time.GetTimestamp());
                await feed.WaitForEventsAsync(position, cancellationToken);
                continue;
            }
            await KeyedDelivery.HandleAsync(name, page.GroupBy(e => _options.KeyOf?.Invoke(e) ?? "", StringComparer.Ordinal), handle,
                _options.Delivery, deadLetters, _logger, cancellationToken);
            position = page[^1].Position!.Value;
            // Saved at most every CheckpointInterval while busy (and whenever the feed runs dry): a restart repeats
            // what came after, which handlers take in their stride, instead of every page paying a durable write.
            if (time.GetElapsedTime(savedAt) >= _options.CheckpointInterval)
                (saved, savedAt) = (await SaveAsync(position, cancellationToken), time.GetTimestamp());
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task<long> SaveAsync(long position, CancellationToken cancellationToken)
    {
        await checkpoints.SaveAsync(name, position, cancellationToken);
        return position;
    }
}
