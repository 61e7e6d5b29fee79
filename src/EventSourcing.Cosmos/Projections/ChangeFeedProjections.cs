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
        await processor.StartAsync();
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

    private async Task HandleAsync(ChangeFeedProcessorContext context, Stream changes, CancellationToken cancellationToken)
    {
        RequestCharges.Record(_logger, "change-feed", context.LeaseToken, context.Headers.RequestCharge);
        await _dispatcher.DispatchAsync(CosmosJson.ReadPage<CommitDocument>(changes), cancellationToken);
    }

    /// <summary>
    /// Returns once the estimator reports no pending changes on any lease (the processor must be running somewhere).
    /// Before the processor has created its leases there is nothing to estimate, so this keeps waiting.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        while (await EstimateLagAsync(cancellationToken) is not 0)
            await Task.Delay(_options.WaitPollInterval, _options.TimeProvider, cancellationToken);
    }

    /// <summary>
    /// One status per projection. Lag is the estimator's count of changed documents not yet processed (commits and
    /// tips alike, so roughly two per pending append); there is no global position, so the checkpoint is 0.
    /// </summary>
    public async Task<IReadOnlyList<ProjectionStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var lag = await EstimateLagAsync(cancellationToken) ?? 0;
        var at = _dispatcher.LastDispatchedAt ?? _options.TimeProvider.GetUtcNow();
        var statuses = new List<ProjectionStatus>();
        foreach (var projection in _dispatcher.Projections.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var parked = await _deadLetters.CountAsync(projection.Name, cancellationToken);
            statuses.Add(new ProjectionStatus(projection.Name, 1, 0, lag, lag > 0 ? ProjectionStatus.CatchingUp : ProjectionStatus.Running, at, parked));
        }
        return statuses;
    }

    /// <summary>Pending changes summed over every lease, or null when the processor has no leases yet.</summary>
    public async Task<long?> EstimateLagAsync(CancellationToken cancellationToken = default)
    {
        var estimator = _events.GetChangeFeedEstimator(_options.ProcessorName, _leases);
        using var iterator = estimator.GetCurrentStateIterator();
        long? total = null;
        while (iterator.HasMoreResults)
        {
            var page = await iterator.ReadNextAsync(cancellationToken);
            RequestCharges.Record(_logger, "estimate-lag", _options.ProcessorName, page.RequestCharge);
            foreach (var state in page) total = (total ?? 0) + state.EstimatedLag;
        }
        return total;
    }

    /// <exception cref="NotSupportedException">Always: rebuilding a change-feed projection is not implemented yet.</exception>
    public Task<int> RebuildAsync(string projection, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        throw new NotSupportedException(
            $"Rebuilding '{projection}' is not supported on Cosmos yet: start a processor with a new name into a new read-model container instead.");
    }

    public Task<DeadLetterRetryResult> RetryDeadLettersAsync(string projection, CancellationToken cancellationToken = default) =>
        _dispatcher.RetryDeadLettersAsync(projection, cancellationToken);

    public Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string projection, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        return _deadLetters.GetAsync(projection, cancellationToken);
    }

    /// <exception cref="NotSupportedException">Always: Cosmos has no global position; wait for a document version instead.</exception>
    public Task<bool> WaitForPositionAsync(string projection, long position, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        throw new NotSupportedException("Cosmos has no global position; use WaitForDocumentVersionAsync.");
    }

    /// <summary>Re-reads the document whenever this process dispatches a batch, and every <see cref="ChangeFeedProjectionOptions.WaitPollInterval"/> (another instance may apply it).</summary>
    public async Task<bool> WaitForDocumentVersionAsync(
        string projection, string key, string streamId, long version, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        var time = _options.TimeProvider;
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var progress = _dispatcher.NextProgress;
            var loaded = await _documents.LoadAsync(projection, key, cancellationToken);
            if (ReadModelGuard.IsApplied(loaded?.Document, streamId, version)) return true;
            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero) return false;
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var poll = Task.Delay(remaining < _options.WaitPollInterval ? remaining : _options.WaitPollInterval, time, wait.Token);
            await Task.WhenAny(progress, poll);
            await wait.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    [LoggerMessage(LogLevel.Error, "Change-feed processor error on lease {Lease}")]
    private static partial void LogProcessorError(ILogger logger, Exception exception, string lease);
}
