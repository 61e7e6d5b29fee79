using EventSourcing.Cosmos.Diagnostics;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Projections;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.ChangeFeed;

/// <summary>
/// Runs a change-feed processor until cancelled, then stops it (a batch in flight is delivered again later). Starting
/// is retried while Cosmos cannot be reached or the leases container is missing, as the SQLite runner outlives storage
/// failures: the host keeps serving and the processor begins once it can.
/// </summary>
internal static partial class ProcessorLoop
{
    /// <summary>A processor named <paramref name="name"/> (its leases are keyed by it) over the events container.</summary>
    public static ChangeFeedProcessor Build(
        Container events, Container leases, string name, Container.ChangeFeedStreamHandler handler, ChangeFeedProjectionOptions options, ILogger logger) =>
        events.GetChangeFeedProcessorBuilder(name, handler)
            .WithInstanceName(options.InstanceName)
            .WithLeaseContainer(leases)
            .WithStartTime(options.StartTime ?? DateTime.MinValue.ToUniversalTime())
            .WithPollInterval(options.PollInterval)
            .WithMaxItems(options.MaxItemsPerBatch)
            .WithErrorNotification((lease, error) =>
            {
                LogProcessorError(logger, error, lease);
                return Task.CompletedTask;
            })
            .Build();

    /// <summary>
    /// The handler a processor calls with each batch: it records the batch's charge and returns once
    /// <paramref name="dispatcher"/> has applied or parked every event, so the lease is checkpointed only then.
    /// </summary>
    public static Container.ChangeFeedStreamHandler DispatchTo(ChangeFeedDispatcher dispatcher, ILogger logger) =>
        async (context, changes, cancellationToken) =>
        {
            RequestCharges.Record(logger, "change-feed", context.LeaseToken, context.Headers.RequestCharge);
            await dispatcher.DispatchAsync(CosmosJson.ReadPage<CommitDocument>(changes), cancellationToken);
        };

    public static async Task RunAsync(ChangeFeedProcessor processor, TimeSpan restartDelay, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        if (!await StartAsync(processor, restartDelay, time, logger, cancellationToken)) return;
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await processor.StopAsync();
        }
    }

    /// <returns>False when cancelled first.</returns>
    private static async Task<bool> StartAsync(ChangeFeedProcessor processor, TimeSpan restartDelay, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await processor.StartAsync();
                return true;
            }
#pragma warning disable CA1031 // Whatever stops the start, the processor must still run once it passes.
            catch (Exception e)
#pragma warning restore CA1031
            {
                if (cancellationToken.IsCancellationRequested) return false; // stopping anyway: not worth an error
                LogStartFailed(logger, e, restartDelay);
            }
            try
            {
                await Task.Delay(restartDelay, time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Change-feed processor error on lease {Lease}")]
    private static partial void LogProcessorError(ILogger logger, Exception exception, string lease);

    [LoggerMessage(LogLevel.Error, "The change-feed processor could not start; trying again in {Delay}")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, TimeSpan delay);
}
