using EventSourcing.Cosmos.Diagnostics;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Projections;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventSourcing.Cosmos.Projections;

/// <summary>
/// The projection runtime on Cosmos: a change-feed processor over the events container hands each batch to the
/// <see cref="ChangeFeedDispatcher"/> (the same one the Functions CosmosDBTrigger calls) and checkpoints its lease only
/// after the dispatcher returned. Lag comes from the change-feed estimator. Hosts and applications use it through
/// <see cref="IProjectionRuntime"/>, as they use the SQLite <see cref="ProjectionRunner"/>.
/// </summary>
public sealed partial class ChangeFeedProjections : IProjectionRuntime
{
    private readonly Container _events;
    private readonly Container _leases;
    private readonly ChangeFeedDispatcher _dispatcher;
    private readonly IDeadLetterStore _deadLetters;
    private readonly IReadModelDocuments _documents;
    private readonly ChangeFeedProjectionOptions _options;
    private readonly ILogger _logger;

    public ChangeFeedProjections(
        Container events, Container leases, ChangeFeedDispatcher dispatcher, IDeadLetterStore deadLetters, IReadModelDocuments documents,
        ChangeFeedProjectionOptions? options = null, ILogger<ChangeFeedProjections>? logger = null)
    {
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _leases = leases ?? throw new ArgumentNullException(nameof(leases));
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        _deadLetters = deadLetters ?? throw new ArgumentNullException(nameof(deadLetters));
        _documents = documents ?? throw new ArgumentNullException(nameof(documents));
        _options = options ?? new ChangeFeedProjectionOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public IReadOnlyCollection<string> Projections => [.. _dispatcher.Projections.Select(p => p.Name)];

    /// <summary>Runs the change-feed processor until cancelled, then stops it (a batch in flight is delivered again later).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var processor = _events.GetChangeFeedProcessorBuilder(_options.ProcessorName, (Container.ChangeFeedStreamHandler)HandleAsync)
            .WithInstanceName(_options.InstanceName)
            .WithLeaseContainer(_leases)
            .WithStartTime(_options.StartTime ?? DateTime.MinValue.ToUniversalTime())
            .WithPollInterval(_options.PollInterval)
            .WithMaxItems(_options.MaxItemsPerBatch)
            .WithErrorNotification((lease, error) =>
            {
                LogProcessorError(_logger, error, lease);
                return Task.CompletedTask;
            })
            .Build();
        if (!await StartAsync(processor, cancellationToken)) return;
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _options.TimeProvider, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await processor.StopAsync();
        }
    }

    /// <summary>
    /// Starts the processor, trying again while Cosmos cannot be reached (or the leases container is missing), as
    /// the SQLite runner outlives storage failures: the host keeps serving and projections begin once it can.
    /// </summary>
    /// <returns>False when cancelled first.</returns>
    private async Task<bool> StartAsync(ChangeFeedProcessor processor, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await processor.StartAsync();
                return true;
            }
#pragma warning disable CA1031 // Whatever stops the start, projections must still run once it passes.
            catch (Exception e)
#pragma warning restore CA1031
            {
                if (cancellationToken.IsCancellationRequested) return false; // stopping anyway: not worth an error
                LogStartFailed(_logger, e, _options.RestartDelay);
            }
            try
            {
                await Task.Delay(_options.RestartDelay, _options.TimeProvider, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    private async Task HandleAsync(ChangeFeedProcessorContext context, Stream changes, CancellationToken cancellationToken)
    {
        RequestCharges.Record(_logger, "change-feed", context.LeaseToken, context.Headers.RequestCharge);
        await _dispatcher.DispatchAsync(CosmosJson.ReadPage<CommitDocument>(changes), cancellationToken);
    }

    [LoggerMessage(LogLevel.Error, "The change-feed processor could not start; trying again in {Delay}")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(LogLevel.Error, "Change-feed processor error on lease {Lease}")]
    private static partial void LogProcessorError(ILogger logger, Exception exception, string lease);
}
