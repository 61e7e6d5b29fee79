using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Projections.Dispatch;

/// <summary>
/// Runs a storage call until it succeeds. The stores retry transient faults a bounded number of times; past
/// that (an outage, a missing container) the batch waits here rather than being acknowledged half done.
/// </summary>
internal sealed partial class StorageRetry(ChangeFeedDispatcherOptions options, ILogger logger)
{
    /// <exception cref="ReadModelRejectedException">The store refused the document itself: retrying will not help.</exception>
    /// <exception cref="OperationCanceledException">Cancelled, whether or not storage was failing meanwhile.</exception>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (ReadModelRejectedException)
            {
                throw;
            }
#pragma warning disable CA1031 // Whatever storage throws, the events must still be applied: log, wait, try again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                // Cancelled while storage was failing: the caller must see a cancellation (the batch is delivered
                // again), never the storage fault, whichever of the two happened first.
                cancellationToken.ThrowIfCancellationRequested();
                LogStorageFault(logger, e, attempt, options.ErrorDelay);
                await Task.Delay(options.ErrorDelay, options.TimeProvider, cancellationToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Read-model storage failed (attempt {Attempt}); trying again in {Delay}")]
    private static partial void LogStorageFault(ILogger logger, Exception exception, int attempt, TimeSpan delay);
}
