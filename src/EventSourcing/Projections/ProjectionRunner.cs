using EventSourcing.Serialization;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventSourcing.Projections;

/// <summary>
/// Follows the store's feed and keeps every projection's documents up to date: per generation, a page of events
/// after its checkpoint is applied (failures parked as dead letters) and committed with the new checkpoint in one
/// transaction. Runs every generation being served or built, and switches a rebuilt one in once it reaches the head.
/// One runner per projection store; its methods are safe to call concurrently.
/// </summary>
public sealed partial class ProjectionRunner : IProjectionRuntime, IDisposable
{
    private readonly IEventFeed _feed;
    private readonly IProjectionStore _store;
    private readonly ProjectionRunnerOptions _options;
    private readonly ILogger _logger;
    private readonly Dictionary<string, PageApplier> _appliers = new(StringComparer.Ordinal);
    // Every change of documents or cursors happens under this gate: the loop, catch-up, rebuilds and retries take turns.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ProgressSignal _progress = new();
    private readonly ProgressSignal _wake = new();
    private GenerationCursor[]? _cursors;

    /// <summary>Creates a runner; nothing is read or written until it is first used.</summary>
    /// <exception cref="ArgumentException">A projection name is invalid or used twice.</exception>
    public ProjectionRunner(
        IEventFeed feed,
        EventSerializer serializer,
        IEnumerable<IProjection> projections,
        IProjectionStore store,
        ProjectionRunnerOptions? options = null,
        ILogger<ProjectionRunner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(projections);
        _feed = feed ?? throw new ArgumentNullException(nameof(feed));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? new ProjectionRunnerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.PageSize, 1, nameof(options));
        _logger = logger ?? (ILogger)NullLogger.Instance;
        foreach (var projection in projections)
        {
            ProjectionNames.Validate(projection.Name);
            foreach (var property in projection.IndexedProperties) ProjectionNames.ValidateProperty(property);
            if (!_appliers.TryAdd(projection.Name, new PageApplier(projection, serializer, store, _options.TimeProvider, _logger)))
                throw new ArgumentException($"Two projections are named '{projection.Name}'.", nameof(projections));
        }
    }

    /// <summary>The names of the projections this runner keeps.</summary>
    public IReadOnlyCollection<string> Projections => _appliers.Keys;

    /// <summary>
    /// Follows the feed until cancelled: applies pages while any generation is behind, then sleeps until the feed
    /// reports new events (or the poll interval passes). Storage failures are logged and retried after a pause.
    /// Returns when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var woken = _wake.Next;
            bool progressed;
            try
            {
                progressed = await RunOnceAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop outlives storage hiccups; the failure is logged and the round retried.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _logger.LogError(e, "Projection runner failed; retrying after {Delay}.", _options.ErrorDelay);
                await WaitAsync(Task.Delay(_options.ErrorDelay, _options.TimeProvider, cancellationToken));
                continue;
            }
            if (!progressed) await WaitForWorkAsync(woken, cancellationToken);
        }
    }

    /// <summary>
    /// Applies pages until every generation has reached the head as it was when called and every rebuild that got
    /// there has taken over. For tests, tools and read-your-writes; safe to call while <see cref="RunAsync"/> runs.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        var head = await _feed.GetHeadPositionAsync(cancellationToken);
        while (true)
        {
            await RunOnceAsync(cancellationToken);
            if (Volatile.Read(ref _cursors) is { } cursors && cursors.All(c => c.State == GenerationState.Active && c.Checkpoint >= head))
                return;
        }
    }

    /// <summary>Disposes the runner's lock; stop <see cref="RunAsync"/> first.</summary>
    public void Dispose() => _gate.Dispose();
}
