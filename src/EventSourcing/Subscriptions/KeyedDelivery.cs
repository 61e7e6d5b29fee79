using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Subscriptions;

/// <summary>
/// How every subscription hands events to its handler, whatever feed they come from: each group (one key) in order,
/// groups side by side, and a handler that throws gets the same event again after a pause, until it passes or the
/// caller stops. Nothing is skipped, so the caller may acknowledge the events once this returns.
/// </summary>
public static partial class KeyedDelivery
{
    public static Task HandleAsync(
        string subscription, IEnumerable<IEnumerable<RecordedEvent>> groups, Func<RecordedEvent, CancellationToken, Task> handle,
        int maxConcurrency, TimeSpan retryDelay, TimeProvider time, ILogger logger, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken },
            async (events, ct) =>
            {
                foreach (var e in events) await HandleWithRetryAsync(subscription, e, handle, retryDelay, time, logger, ct);
            });

    private static async Task HandleWithRetryAsync(
        string subscription, RecordedEvent e, Func<RecordedEvent, CancellationToken, Task> handle, TimeSpan retryDelay, TimeProvider time, ILogger logger,
        CancellationToken cancellationToken)
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
                LogHandlerFailed(logger, error, subscription, e.StreamId, e.StreamVersion, attempt);
                await Task.Delay(retryDelay, time, cancellationToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Subscription {Subscription} failed on {StreamId}@{Version} (attempt {Attempt}); retrying it")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string subscription, string streamId, long version, int attempt);
}
