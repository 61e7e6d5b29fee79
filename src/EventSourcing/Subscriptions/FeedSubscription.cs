using EventSourcing.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventSourcing.Subscriptions;

/// <summary>
/// Hands every event of the feed to a handler, in position order, at least once: the checkpoint moves only past
/// events the handler finished with, so a crash repeats a few events and never skips one. Handlers must be
/// idempotent (saga triggers are: starts and raised events are keyed by the event that caused them).
/// </summary>
public sealed partial class FeedSubscription(
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
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await feed.ReadAllAsync(position + 1, _options.PageSize, cancellationToken);
            if (page.Count == 0)
            {
                await feed.WaitForEventsAsync(position, cancellationToken);
                continue;
            }
            foreach (var e in page)
            {
                await HandleWithRetryAsync(e, cancellationToken);
                position = e.Position!.Value;
            }
            await checkpoints.SaveAsync(name, position, cancellationToken);
        }
    }

    private async Task HandleWithRetryAsync(RecordedEvent e, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await handle(e, cancellationToken);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogHandlerFailed(_logger, error, name, e.Position ?? 0, attempt);
                await Task.Delay(_options.RetryDelay, _options.TimeProvider, cancellationToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Subscription {Subscription} failed on the event at position {Position} (attempt {Attempt}); retrying it")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string subscription, long position, int attempt);
}

/// <summary>How a feed subscription reads and retries.</summary>
public sealed record FeedSubscriptionOptions(int PageSize = 256)
{
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
