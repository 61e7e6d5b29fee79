using EventSourcing.Cosmos.Documents;
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
public sealed partial class ChangeFeedDispatcher
{
    private readonly EventSerializer _serializer;
    private readonly IReadOnlyList<IProjection> _projections;
    private readonly IReadModelDocuments _documents;
    private readonly IDeadLetterStore _deadLetters;
    private readonly ChangeFeedDispatcherOptions _options;
    private readonly ILogger _logger;
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastDispatchedTicks;

    /// <exception cref="ArgumentException">A projection name is invalid or used twice.</exception>
    public ChangeFeedDispatcher(
        EventSerializer serializer, IEnumerable<IProjection> projections, IReadModelDocuments documents, IDeadLetterStore deadLetters,
        ChangeFeedDispatcherOptions? options = null, ILogger<ChangeFeedDispatcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(projections);
        _serializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
        _documents = documents ?? throw new ArgumentNullException(nameof(documents));
        _deadLetters = deadLetters ?? throw new ArgumentNullException(nameof(deadLetters));
        _options = options ?? new ChangeFeedDispatcherOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxParallelStreams, 1, nameof(options));
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _projections = [.. projections];
        foreach (var projection in _projections)
        {
            ProjectionNames.Validate(projection.Name);
            foreach (var property in projection.IndexedProperties) ProjectionNames.ValidateProperty(property);
        }
        if (_projections.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"Two projections are named '{twice.Key}'.", nameof(projections));
    }

    public IReadOnlyList<IProjection> Projections => _projections;

    /// <summary>Completes when the next batch (or dead-letter retry) has been dispatched.</summary>
    public Task NextProgress => Volatile.Read(ref _progress).Task;

    /// <summary>When this instance last finished a batch, or null before the first.</summary>
    public DateTimeOffset? LastDispatchedAt =>
        Interlocked.Read(ref _lastDispatchedTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Applies every event of the commits among <paramref name="documents"/>; returns when each is applied or parked.</summary>
    /// <exception cref="OperationCanceledException">Cancelled first: the batch must not be acknowledged, it will be delivered again.</exception>
    public async Task DispatchAsync(IReadOnlyCollection<CommitDocument> documents, CancellationToken cancellationToken = default)
    {
        var streams = Streams(documents);
        if (streams.Count > 0)
        {
            var parked = await PersistAsync(ct => _deadLetters.GetParkedAsync(streams.Keys, ct), cancellationToken);
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelStreams, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(streams, parallel, async (stream, ct) =>
            {
                var decoded = stream.Value.Select(Decode).ToList();
                foreach (var projection in _projections)
                    await DispatchStreamAsync(projection, decoded, parked.TryGetValue(new(projection.Name, stream.Key), out var first) ? first : null, ct);
            });
        }
        Progressed();
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

    private async Task DispatchStreamAsync(IProjection projection, List<Decoded> events, long? parkedAt, CancellationToken cancellationToken)
    {
        var items = events.Select(e => e.For(projection)).ToList();
        for (var i = 0; i < items.Count;)
        {
            var item = items[i];
            var version = item.Recorded.StreamVersion;
            if (item.Ignored) { i++; continue; }
            if (parkedAt is { } first && first <= version)
            {
                // Later events wait behind the parked one, so a retry replays the stream in order. (Equal: a redelivery of the parked event.)
                if (first < version) await ParkAsync(projection, item.Recorded, Waiting(first), 0, cancellationToken);
                i++;
                continue;
            }
            if (item.Error is { } error)
            {
                await ParkAsync(projection, item.Recorded, error, 1, cancellationToken);
                parkedAt = version;
                i++;
                continue;
            }
            if (item.Key is not { } key) { i++; continue; }

            // Consecutive events for one document are applied together: one read and one write for the run.
            var run = items.Skip(i).TakeWhile(x => !x.Ignored && x.Error is null && x.Key == key).ToList();
            if (await ApplyRunAsync(projection, key, run, cancellationToken) is { } failure)
            {
                await ParkAsync(projection, run[failure.Index].Recorded, failure.Error, 1, cancellationToken);
                parkedAt = run[failure.Index].Recorded.StreamVersion;
                i += failure.Index + 1;
            }
            else
                i += run.Count;
        }
    }

    private void Progressed()
    {
        Interlocked.Exchange(ref _lastDispatchedTicks, _options.TimeProvider.GetUtcNow().UtcTicks);
        Interlocked.Exchange(ref _progress, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private static string Waiting(long first) => $"Waiting behind parked event at version {first}.";
}
