using EventSourcing.Cosmos.ChangeFeed;
using EventSourcing.Cosmos.Projections.Generations;
using EventSourcing.Cosmos.Projections.Runtime;
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
/// <remarks>
/// Blue/green rebuilds: generation g >= 2 of a projection is written by a processor of its own that starts from the
/// beginning of the feed, under the generation's physical name, while the active one keeps answering reads. When
/// its estimator reports nothing pending, the generations record makes it active; from then on it is that
/// projection's only writer (the main dispatcher leaves the projection alone). Older generations' documents are kept.
/// </remarks>
public sealed class ChangeFeedProjections : IProjectionRuntime
{
    private readonly Container _events;
    private readonly Container _leases;
    private readonly ChangeFeedDispatcher _dispatcher;
    private readonly IDeadLetterStore _deadLetters;
    private readonly ChangeFeedProjectionOptions _options;
    private readonly ILogger _logger;
    private readonly ChangeFeedLag _lag;
    private readonly GenerationProcessors _generations;
    private readonly ChangeFeedStatusReport _status;
    private readonly DocumentVersionWait _documentWait;

    /// <summary>A runtime whose processor reads <paramref name="events"/> and keeps its leases in <paramref name="leases"/>.</summary>
    /// <param name="dispatcher">Applies each batch; its generations record where rebuilds are kept.</param>
    /// <param name="deadLetters">Where the dispatcher parks events; read for status and retries.</param>
    /// <param name="documents">The read-model documents, read while waiting for a version.</param>
    /// <exception cref="ArgumentNullException">A container or port is null.</exception>
    public ChangeFeedProjections(
        Container events, Container leases, ChangeFeedDispatcher dispatcher, IDeadLetterStore deadLetters, IReadModelDocuments documents,
        ChangeFeedProjectionOptions? options = null, ILogger<ChangeFeedProjections>? logger = null)
    {
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _leases = leases ?? throw new ArgumentNullException(nameof(leases));
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        _deadLetters = deadLetters ?? throw new ArgumentNullException(nameof(deadLetters));
        ArgumentNullException.ThrowIfNull(documents);
        _options = options ?? new ChangeFeedProjectionOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _lag = new ChangeFeedLag(_events, _leases, _logger);
        _generations = new GenerationProcessors(_events, _leases, _dispatcher, _lag, _options, _logger);
        _status = new ChangeFeedStatusReport(_dispatcher, _deadLetters, _lag, _options);
        _documentWait = new DocumentVersionWait(_dispatcher, _generations, documents, _options);
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> Projections => [.. _dispatcher.Projections.Select(p => p.Name)];

    /// <summary>
    /// Runs the change-feed processor until cancelled, then stops it (a batch in flight is delivered again later),
    /// together with a processor for each generation a rebuild left to write (see <see cref="RebuildAsync"/>).
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _generations.Open(cancellationToken);
        try
        {
            var recorded = _generations.StartRecordedAsync(cancellationToken);
            var processor = ProcessorLoop.Build(_events, _leases, _options.ProcessorName, ProcessorLoop.DispatchTo(_dispatcher, _logger), _options, _logger);
            await ProcessorLoop.RunAsync(processor, _options.RestartDelay, _options.TimeProvider, _logger, cancellationToken);
            await recorded;
        }
        finally
        {
            await _generations.StopAllAsync();
        }
    }

    /// <summary>Starts (or, while one runs, returns) a rebuild of <paramref name="projection"/> into its next generation.</summary>
    /// <returns>The number of the generation being built.</returns>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    /// <exception cref="NotSupportedException">This host runs no long-running processors (<see cref="ChangeFeedProjectionOptions.RunsRebuilds"/>).</exception>
    public async Task<int> RebuildAsync(string projection, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        if (!_options.RunsRebuilds || _dispatcher.Generations.Source is not { } store)
            throw new NotSupportedException(
                $"Rebuilding '{projection}' is not supported by this host: a rebuild needs a long-running change-feed processor of its own (the local host runs one).");
        while (true)
        {
            var stored = await store.GetGenerationsAsync(projection, cancellationToken);
            var (next, building, changed) = ProjectionGenerations.StartRebuild(stored.Record);
            // Lost to another request or a promotion: decide again on the fresh record.
            if (changed && !await store.TryWriteGenerationsAsync(next, stored.ETag, cancellationToken)) continue;
            _dispatcher.Generations.Remember(next);
            _generations.Start(new(projection, building));
            return building;
        }
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
    /// One status per projection's active generation, and one more (Rebuilding) per generation being built. Lag is the
    /// estimator's count of changed documents not yet processed by the generation's processor (commits and tips alike,
    /// so roughly two per pending append); there is no global position, so the checkpoint is 0.
    /// </summary>
    public Task<IReadOnlyList<ProjectionStatus>> GetStatusAsync(CancellationToken cancellationToken = default) => _status.GetAsync(cancellationToken);

    /// <summary>The main processor's pending changes summed over every lease, or null when it has no leases yet.</summary>
    public Task<long?> EstimateLagAsync(CancellationToken cancellationToken = default) => _lag.EstimateAsync(_options.ProcessorName, cancellationToken);

    /// <summary>Re-applies the parked events of the projection's active generation, through the dispatcher that writes it.</summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public async Task<DeadLetterRetryResult> RetryDeadLettersAsync(string projection, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        var active = (await _dispatcher.Generations.GetAsync(projection, cancellationToken)).Active;
        if (active == 1) return await _dispatcher.RetryDeadLettersAsync(projection, cancellationToken);
        // Not running here (another instance holds its leases): a dispatcher of its own is as safe as the main one's retry, ETags guard both.
        var dispatcher = _generations.Running(projection, active) ?? _dispatcher.ForGeneration(projection, active);
        return await dispatcher.RetryDeadLettersAsync(ProjectionGenerations.PhysicalName(projection, active), cancellationToken);
    }

    /// <summary>The parked events of the projection's active generation.</summary>
    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string projection, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        return await _deadLetters.GetAsync(await _dispatcher.Generations.ActiveNameAsync(projection, cancellationToken), cancellationToken);
    }

    /// <exception cref="NotSupportedException">Always: Cosmos has no global position; wait for a document version instead.</exception>
    public Task<bool> WaitForPositionAsync(string projection, long position, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        throw new NotSupportedException("Cosmos has no global position; use WaitForDocumentVersionAsync.");
    }

    /// <summary>Re-reads the active generation's document whenever this process dispatches a batch, and every <see cref="ChangeFeedProjectionOptions.WaitPollInterval"/> (another instance may apply it).</summary>
    public async Task<bool> WaitForDocumentVersionAsync(
        string projection, string key, string streamId, long version, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        return await _documentWait.WaitAsync(projection, key, streamId, version, timeout, cancellationToken);
    }
}
