using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Projections.Dispatch;
using EventSourcing.Cosmos.Projections.Generations;
using EventSourcing.Projections;
using EventSourcing.Serialization;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventSourcing.Cosmos.Projections;

/// <summary>
/// Applies a batch of change-feed documents to the read models: commits only (tips and snapshots are ignored), each
/// stream's events in version order, every projection. Returns only once every event is applied or parked, so the
/// caller (the Functions CosmosDBTrigger or the change-feed processor) may acknowledge the batch; storage faults are
/// retried until they pass or the call is cancelled, never skipped.
/// </summary>
public sealed class ChangeFeedDispatcher
{
    private readonly EventSerializer _serializer;
    private readonly IReadOnlyList<IProjection> _projections;
    private readonly IReadModelDocuments _documents;
    private readonly IDeadLetterStore _deadLetters;
    private readonly ChangeFeedDispatcherOptions _options;
    private readonly ILogger _logger;
    private readonly GenerationResolver _generations;
    private readonly StorageRetry _storage;
    private readonly StreamDispatch _streams;
    private readonly DeadLetterRetry _retry;
    private readonly DispatchProgress _progress;

    /// <param name="generations">
    /// Where rebuilds record each projection's active generation: a projection whose active generation is past 1 has a
    /// processor of its own, so this dispatcher leaves it alone. Null: no rebuilds, every projection is written here.
    /// </param>
    /// <exception cref="ArgumentException">A projection name is invalid or used twice.</exception>
    public ChangeFeedDispatcher(
        EventSerializer serializer, IEnumerable<IProjection> projections, IReadModelDocuments documents, IDeadLetterStore deadLetters,
        ChangeFeedDispatcherOptions? options = null, ILogger<ChangeFeedDispatcher>? logger = null, IProjectionGenerations? generations = null)
        : this(serializer, projections, documents, deadLetters, options, (ILogger?)logger, generations)
    {
    }

    private ChangeFeedDispatcher(
        EventSerializer serializer, IEnumerable<IProjection> projections, IReadModelDocuments documents, IDeadLetterStore deadLetters,
        ChangeFeedDispatcherOptions? options, ILogger? logger, IProjectionGenerations? generations)
    {
        ArgumentNullException.ThrowIfNull(projections);
        _serializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
        _documents = documents ?? throw new ArgumentNullException(nameof(documents));
        _deadLetters = deadLetters ?? throw new ArgumentNullException(nameof(deadLetters));
        _options = options ?? new ChangeFeedDispatcherOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxParallelStreams, 1, nameof(options));
        _logger = logger ?? NullLogger.Instance;
        _generations = new GenerationResolver(generations, _options.TimeProvider, _options.GenerationCacheDuration);
        _progress = new DispatchProgress(_options.TimeProvider);
        _storage = new StorageRetry(_options, _logger);
        var applier = new DocumentApplier(_documents, _serializer, _options, _storage, _logger);
        var parking = new DeadLetterParking(_deadLetters, _options, _storage, _logger);
        _streams = new StreamDispatch(applier, parking, _logger);
        _retry = new DeadLetterRetry(_deadLetters, _serializer, _storage, applier, parking, _logger);
        _projections = [.. projections];
        foreach (var projection in _projections)
        {
            // A generation's physical name has '@' on purpose (no projection can be named so): its own name is checked.
            ProjectionNames.Validate(projection is GenerationProjection generation ? generation.Inner.Name : projection.Name);
            foreach (var property in projection.IndexedProperties) ProjectionNames.ValidateProperty(property);
        }
        if (_projections.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"Two projections are named '{twice.Key}'.", nameof(projections));
    }

    /// <summary>The projections this dispatcher writes, in the order given.</summary>
    public IReadOnlyList<IProjection> Projections => _projections;

    /// <summary>Which generation of each projection is active, as this dispatcher sees it.</summary>
    public GenerationResolver Generations => _generations;

    /// <summary>
    /// A dispatcher for generation <paramref name="generation"/> (>= 2) of one projection, storing under its physical
    /// name with the same ports and options. It writes that projection whatever the generations record says: it is
    /// that generation's only writer.
    /// </summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    internal ChangeFeedDispatcher ForGeneration(string projection, int generation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(generation, 2);
        return new(_serializer, [new GenerationProjection(ProjectionOf(projection), generation)], _documents, _deadLetters, _options, _logger, null);
    }

    /// <summary>Completes when the next batch (or dead-letter retry) has been dispatched.</summary>
    public Task NextProgress => _progress.Next;

    /// <summary>When this instance last finished a batch, or null before the first.</summary>
    public DateTimeOffset? LastDispatchedAt => _progress.LastDispatchedAt;

    /// <summary>Applies every event of the commits among <paramref name="documents"/>; returns when each is applied or parked.</summary>
    /// <exception cref="OperationCanceledException">Cancelled first: the batch must not be acknowledged, it will be delivered again.</exception>
    public async Task DispatchAsync(IReadOnlyCollection<CommitDocument> documents, CancellationToken cancellationToken = default)
    {
        var streams = Streams(documents);
        if (streams.Count > 0)
        {
            var writing = await WritingAsync(cancellationToken);
            var parked = await _storage.RunAsync(ct => _deadLetters.GetParkedAsync(streams.Keys, ct), cancellationToken);
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelStreams, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(streams, parallel, async (stream, ct) =>
            {
                var decoded = stream.Value.Select(e => DecodedEvent.Decode(_serializer, _logger, e)).ToList();
                foreach (var projection in writing)
                    await _streams.DispatchAsync(projection, decoded, parked.TryGetValue(new(projection.Name, stream.Key), out var first) ? first : null, ct);
            });
        }
        _progress.Progressed();
    }

    /// <summary>
    /// The projections this dispatcher writes now: those still on generation 1, and a rebuilt one's active generation only
    /// with <see cref="ChangeFeedDispatcherOptions.WritesActiveGeneration"/> (otherwise it has its own writer).
    /// </summary>
    private async Task<List<IProjection>> WritingAsync(CancellationToken cancellationToken)
    {
        if (_generations.Source is null) return [.. _projections];
        var writing = new List<IProjection>(_projections.Count);
        foreach (var projection in _projections)
        {
            var record = await _storage.RunAsync(ct => _generations.GetAsync(projection.Name, ct), cancellationToken);
            if (ProjectionGenerations.MainProcessorWrites(record)) writing.Add(projection);
            else if (_options.WritesActiveGeneration) writing.Add(new GenerationProjection(projection, record.Active));
        }
        return writing;
    }

    /// <summary>The events of the commits in a batch, per stream, in version order, each once.</summary>
    internal static Dictionary<string, List<RecordedEvent>> Streams(IEnumerable<CommitDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return documents
            .Where(d => d.Kind == DocumentKinds.Commit)
            .SelectMany(DocumentMapper.ToRecorded)
            .GroupBy(e => e.StreamId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.DistinctBy(e => e.StreamVersion).OrderBy(e => e.StreamVersion).ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Re-applies a projection's parked events, each stream in version order: those that now succeed (or turn out to
    /// need nothing) are removed; a stream stops at its first event that fails again, which counts one more attempt,
    /// and the rest of that stream stay parked behind it.
    /// </summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public async Task<DeadLetterRetryResult> RetryDeadLettersAsync(string projection, CancellationToken cancellationToken = default)
    {
        var result = await _retry.RetryAsync(ProjectionOf(projection), projection, cancellationToken);
        _progress.Progressed();
        return result;
    }

    /// <summary>The projection named <paramref name="name"/>.</summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public IProjection ProjectionOf(string name) =>
        _projections.FirstOrDefault(p => p.Name == name) ?? throw new UnknownProjectionException(name);
}
