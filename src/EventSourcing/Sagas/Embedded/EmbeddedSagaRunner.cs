using System.Threading.Channels;
using EventSourcing.Deciders;
using EventSourcing.Sagas.History;
using EventSourcing.Serialization;
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
public sealed partial class EmbeddedSagaRunner : ISagaClient, IAsyncDisposable
{
    private readonly IEventStore _store;
    private readonly OrchestrationRegistry _registry;
    private readonly ISagaInstanceIndex _index;
    private readonly IStreamDirectory? _directory;
    private readonly EmbeddedSagaRunnerOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly EventSerializer _serializer = SagaHistory.CreateSerializer();
    private readonly Channel<string> _wakeups = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stopping = new();

    /// <param name="directory">Lists the history streams for <see cref="ListAsync"/>; the store itself when it is one.</param>
    public EmbeddedSagaRunner(
        IEventStore store, OrchestrationRegistry registry, ISagaInstanceIndex index, EmbeddedSagaRunnerOptions? options = null, ILoggerFactory? loggers = null,
        IStreamDirectory? directory = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _directory = directory ?? store as IStreamDirectory;
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _options = options ?? new EmbeddedSagaRunnerOptions();
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger<EmbeddedSagaRunner>();
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    public async Task<SagaInstance> StartAsync(
        string orchestrator, string instanceId, object? input, SagaStartOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!_registry.HasOrchestrator(orchestrator)) throw new UnknownOrchestrationException("orchestrator", orchestrator);
        var stream = SagaHistory.StreamOf(instanceId);
        StreamId.Validate(stream);
        if (await GetAsync(instanceId, cancellationToken) is { } existing) return existing;

        // The index entry comes first: a crash after it and before the history leaves an entry a resume drops,
        // never a started instance nobody resumes.
        await _index.AddAsync(instanceId, orchestrator, Now, cancellationToken);
        var started = new OrchestrationStarted(orchestrator, _registry.ToJson(input), options?.CorrelationId, options?.CausationId, Now);
        try
        {
            await AppendAsync(stream, ExpectedVersion.NoStream, [(started, HistoryId(instanceId, "started"))],
                new EventMetadata(options?.CorrelationId, options?.CausationId), cancellationToken);
            LogStarted(_logger, orchestrator, instanceId);
        }
        catch (WrongExpectedVersionException)
        {
            // Another caller started it a moment ago: theirs stands.
        }
        Wake(instanceId);
        return (await GetAsync(instanceId, cancellationToken))!;
    }

    public async Task RaiseEventAsync(string instanceId, string eventName, object? payload, Guid? eventId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var stream = SagaHistory.StreamOf(instanceId);
        StreamId.Validate(stream);
        var (history, _) = await SagaHistory.ReadAsync(_store, _serializer, instanceId, cancellationToken);
        if (history.Count == 0) throw new SagaNotFoundException(instanceId);
        if (IsFinished(history)) return; // as in Durable, an event for a finished instance is dropped
        var raised = new EventRaised(eventName, _registry.ToJson(payload), Now);
        try
        {
            await AppendAsync(stream, ExpectedVersion.StreamExists, [(raised, eventId ?? Guid.CreateVersion7())], TraceOf(history), cancellationToken);
        }
        catch (DuplicateEventIdException e) when (e.ExistingStreamId == stream)
        {
            return; // raised before with this id: a redelivery
        }
        Wake(instanceId);
    }

    public async Task<SagaInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        StreamId.Validate(SagaHistory.StreamOf(instanceId));
        var (history, _) = await SagaHistory.ReadAsync(_store, _serializer, instanceId, cancellationToken);
        return SagaInstanceFold.From(instanceId, history, _registry.Options);
    }

    /// <summary>
    /// Instances in id order, each folded from its history (so its status is exact), looking at no more than
    /// <see cref="MaxScannedPerPage"/> histories per page when a status filter passes over most of them.
    /// The continuation token is the id of the last instance looked at.
    /// </summary>
    /// <exception cref="NotSupportedException">No stream directory was given and the store is not one.</exception>
    public async Task<SagaPage> ListAsync(SagaQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxCount, 1, nameof(query));
        var directory = _directory ?? throw new NotSupportedException("Listing sagas needs a store that lists its streams (IStreamDirectory).");
        if (query.ContinuationToken is { } token) ValidateToken(token);
        var items = new List<SagaSummary>();
        var after = query.ContinuationToken is { } last ? SagaHistory.StreamOf(last) : null;
        var scanned = 0;
        while (items.Count < query.MaxCount && scanned < MaxScannedPerPage)
        {
            var streams = await directory.ListStreamsAsync(SagaHistory.StreamPrefix, after, Math.Min(query.MaxCount - items.Count, MaxScannedPerPage - scanned), cancellationToken);
            if (streams.Count == 0) return new SagaPage(items, null);
            foreach (var stream in streams)
            {
                var instance = await GetAsync(stream.StreamId[SagaHistory.StreamPrefix.Length..], cancellationToken);
                if (instance is not null && (query.Status is null || instance.Status == query.Status)) items.Add(SagaSummary.Of(instance));
            }
            scanned += streams.Count;
            after = streams[^1].StreamId;
        }
        return new SagaPage(items, after![SagaHistory.StreamPrefix.Length..]);
    }

    private static void ValidateToken(string continuationToken)
    {
        try
        {
            StreamId.Validate(SagaHistory.StreamOf(continuationToken));
        }
        catch (InvalidStreamIdException e)
        {
            throw new ArgumentException($"'{continuationToken}' is not a continuation token of this listing.", nameof(continuationToken), e);
        }
    }

    /// <summary>How many histories one listing page reads at most.</summary>
    public const int MaxScannedPerPage = 500;

    /// <summary>Resumes every instance the index lists, then replays instances as their work completes, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        foreach (var id in await _index.GetRunningAsync(cancellationToken)) Wake(id);
        var workers = Enumerable.Range(0, _options.Workers).Select(_ => WorkAsync(linked.Token)).ToList();
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
        await Task.WhenAll(_inFlight.Keys);
        _stopping.Dispose();
    }

    private int _disposed;

    // A late activity result or timer may follow the end record; the instance is still finished.
    private static bool IsFinished(IReadOnlyList<HistoryEvent> history) => history.Any(e => e is OrchestrationCompleted or OrchestrationFailed);

    private static Guid HistoryId(string instanceId, string what) => EventIds.FromName($"{instanceId}\n{what}");

    // Every history event carries the correlation id the instance was started with, so a correlation trace shows the saga's steps.
    private static EventMetadata TraceOf(IReadOnlyList<HistoryEvent> history) =>
        history.Count > 0 && history[0] is OrchestrationStarted { CorrelationId: { } correlationId } ? new EventMetadata(correlationId) : EventMetadata.Empty;

    private Task<AppendResult> AppendAsync(
        string stream, ExpectedVersion expected, IReadOnlyList<(HistoryEvent Event, Guid Id)> records, EventMetadata trace, CancellationToken cancellationToken) =>
        _store.AppendAsync(stream, expected, [.. records.Select(r => _serializer.Serialize(r.Event, r.Id, trace))], cancellationToken);

    [LoggerMessage(LogLevel.Information, "Started {Orchestrator} as {InstanceId}")]
    private static partial void LogStarted(ILogger logger, string orchestrator, string instanceId);
}
