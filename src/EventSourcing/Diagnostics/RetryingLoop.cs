using Microsoft.Extensions.Logging;

namespace EventSourcing.Diagnostics;

/// <summary>
/// Keeps a background loop alive through failures of what it depends on: the body is run again after a growing pause
/// whenever it throws, and the failure is logged. Hosts run their background work through it because .NET stops the
/// whole host when a BackgroundService throws (BackgroundServiceExceptionBehavior.StopHost), and a store or estimator
/// that is down for a minute must not take the HTTP API with it.
/// </summary>
public static partial class RetryingLoop
{
    /// <summary>
    /// Runs <paramref name="body"/> until it returns or <paramref name="cancellationToken"/> is cancelled; returns then
    /// (cancellation is not an error). The pause grows with consecutive failures and starts over once the body has run
    /// for longer than the longest pause.
    /// </summary>
    public static async Task RunAsync(
        string name, Func<CancellationToken, Task> body, Backoff backoff, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(backoff);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            try
            {
                await body(cancellationToken);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever the dependency throws, the loop must outlive it: logged, then tried again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures = time.GetElapsedTime(started) > backoff.Max ? 1 : failures + 1;
                var pause = backoff.After(failures);
                LogFailed(logger, e, name, failures, pause);
                try
                {
                    await Task.Delay(pause, time, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Background loop {Loop} failed ({Failures} in a row); running it again in {Pause}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string loop, int failures, TimeSpan pause);
}
