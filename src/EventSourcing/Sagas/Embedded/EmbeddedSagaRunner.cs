using EventSourcing.Sagas.History;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventSourcing.Sagas.Embedded;

/// <summary>
/// Runs orchestrations in this process with Durable Functions' guarantees: each instance's history is a stream of
/// the event store (<c>saga-{instanceId}</c>), every resume replays the orchestrator from it, and new work is recorded
/// before it runs, so a restart resumes where the last process stopped: pending activities run again (they are
/// idempotent), due timers fire, kept events are delivered.
/// </summary>
// The client operations live here; replaying (InstanceReplay), scheduling replays (ReplayScheduler), running steps
// (StepDispatcher, StepExecutor) and listing (SagaInstanceListing) each have a type of their own.
public sealed partial class EmbeddedSagaRunner : ISagaClient, IAsyncDisposable
{
    /// <summary>How many histories one listing page reads at most.</summary>
    public const int MaxScannedPerPage = 500;

    private readonly OrchestrationRegistry _registry;
    private readonly ISagaInstanceIndex _index;
    private readonly EmbeddedSagaRunnerOptions _options;
    private readonly ILogger _logger;
    private readonly HistoryLog _history;
    private readonly InFlightTasks _inFlight = new();
    private readonly ReplayScheduler _scheduler;
    private readonly InstanceReplay _replay;
    private readonly SagaInstanceListing _listing;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    /// <summary>Creates a runner; nothing runs until <see cref="RunAsync"/>.</summary>
    /// <param name="store">Holds the instance histories, one stream each.</param>
    /// <param name="registry">The orchestrators and activities this runner can run.</param>
    /// <param name="index">Which instances may still be running, so <see cref="RunAsync"/> resumes them.</param>
    /// <param name="options">Clock, worker count and fault delay; the defaults when null.</param>
    /// <param name="loggers">Where the runner and replay-safe orchestrator loggers write; nowhere when null.</param>
    /// <param name="directory">Lists the history streams for <see cref="ListAsync"/>; the store itself when it is one.</param>
    public EmbeddedSagaRunner(
        IEventStore store, OrchestrationRegistry registry, ISagaInstanceIndex index, EmbeddedSagaRunnerOptions? options = null, ILoggerFactory? loggers = null,
        IStreamDirectory? directory = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _options = options ?? new EmbeddedSagaRunnerOptions();
        loggers ??= NullLoggerFactory.Instance;
        _logger = loggers.CreateLogger<EmbeddedSagaRunner>();
        _history = new HistoryLog(store);
        _scheduler = new ReplayScheduler(_options, _inFlight, _logger);
        var steps = new StepExecutor(registry, _history, _options.TimeProvider, _logger);
        var dispatcher = new StepDispatcher(steps, _scheduler, _inFlight, _logger, _stopping.Token);
        _replay = new InstanceReplay(_history, registry, index, dispatcher, _options.TimeProvider, loggers, _logger);
        _listing = new SagaInstanceListing(directory ?? store as IStreamDirectory, GetAsync, MaxScannedPerPage);
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    /// <inheritdoc />
    /// <exception cref="InvalidStreamIdException"><paramref name="instanceId"/> cannot name a history stream.</exception>
    public async Task<SagaInstance> StartAsync(
        string orchestrator, string instanceId, object? input, SagaStartOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!_registry.HasOrchestrator(orchestrator)) throw new UnknownOrchestrationException("orchestrator", orchestrator);
        StreamId.Validate(SagaHistory.StreamOf(instanceId));
        if (await GetAsync(instanceId, cancellationToken) is { } existing) return existing;

        // The index entry comes first: a crash after it and before the history leaves an entry a resume drops,
        // never a started instance nobody resumes.
        await _index.AddAsync(instanceId, orchestrator, Now, cancellationToken);
        var started = new OrchestrationStarted(orchestrator, _registry.ToJson(input), options?.CorrelationId, options?.CausationId, Now);
        try
        {
            await _history.AppendAsync(instanceId, ExpectedVersion.NoStream, [(started, HistoryLog.IdOf(instanceId, "started"))],
                new EventMetadata(options?.CorrelationId, options?.CausationId), cancellationToken);
            LogStarted(_logger, orchestrator, instanceId);
        }
        catch (WrongExpectedVersionException)
        {
            // Another caller started it a moment ago: theirs stands.
        }
        _scheduler.Wake(instanceId);
        return (await GetAsync(instanceId, cancellationToken))!;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidStreamIdException"><paramref name="instanceId"/> cannot name a history stream.</exception>
    public async Task RaiseEventAsync(string instanceId, string eventName, object? payload, Guid? eventId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var stream = SagaHistory.StreamOf(instanceId);
        StreamId.Validate(stream);
        var (history, _) = await _history.ReadAsync(instanceId, cancellationToken);
        if (history.Count == 0) throw new SagaNotFoundException(instanceId);
        if (HistoryLog.IsFinished(history)) return; // as in Durable, an event for a finished instance is dropped
        var raised = new EventRaised(eventName, _registry.ToJson(payload), Now);
        try
        {
            await _history.AppendAsync(instanceId, ExpectedVersion.StreamExists, [(raised, eventId ?? Guid.CreateVersion7())], HistoryLog.TraceOf(history),
                cancellationToken);
        }
        catch (DuplicateEventIdException e) when (e.ExistingStreamId == stream)
        {
            return; // raised before with this id: a redelivery
        }
        _scheduler.Wake(instanceId);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidStreamIdException"><paramref name="instanceId"/> cannot name a history stream.</exception>
    public async Task<SagaInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        StreamId.Validate(SagaHistory.StreamOf(instanceId));
        var (history, _) = await _history.ReadAsync(instanceId, cancellationToken);
        return SagaInstanceFold.From(instanceId, history, _registry.Options);
    }

    /// <summary>
    /// Instances in id order, each folded from its history (so its status is exact), looking at no more than
    /// <see cref="MaxScannedPerPage"/> histories per page when a status filter passes over most of them.
    /// The continuation token is the id of the last instance looked at.
    /// </summary>
    /// <exception cref="NotSupportedException">No stream directory was given and the store is not one.</exception>
    /// <exception cref="ArgumentException">The continuation token is not one this runner handed out.</exception>
    public Task<SagaPage> ListAsync(SagaQuery query, CancellationToken cancellationToken = default) => _listing.ListAsync(query, cancellationToken);

    /// <summary>Resumes every instance the index lists, then replays instances as their work completes, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        foreach (var id in await _index.GetRunningAsync(cancellationToken)) _scheduler.Wake(id);
        var workers = Enumerable.Range(0, _options.Workers).Select(_ => _scheduler.WorkAsync(_replay.ResumeAsync, linked.Token)).ToList();
        try
        {
            await Task.WhenAll(workers);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops replays, activities and timers; whatever was in flight resumes from history on the next start.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stopping.CancelAsync();
        await _inFlight.WhenAllAsync();
        _stopping.Dispose();
    }

    [LoggerMessage(LogLevel.Information, "Started {Orchestrator} as {InstanceId}")]
    private static partial void LogStarted(ILogger logger, string orchestrator, string instanceId);
}
