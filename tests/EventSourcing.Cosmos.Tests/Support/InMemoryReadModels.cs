using System.Collections.Concurrent;
using EventSourcing.Cosmos.Projections;
using EventSourcing.Projections;

namespace EventSourcing.Cosmos.Tests.Support;

/// <summary>
/// The dispatcher's storage ports in memory, with the same ETag rules as Cosmos (create fails if present, replace
/// fails unless the ETag matches) and knobs to inject faults, races and refusals.
/// </summary>
public sealed class InMemoryReadModels : IReadModelDocuments, IDeadLetterStore
{
    private readonly ConcurrentDictionary<(string, string), VersionedDocument> _documents = new();
    private readonly ConcurrentDictionary<(string Projection, string Stream, long Version), DeadLetter> _letters = new();
    private int _etag;

    /// <summary>Storage calls that throw before one succeeds (an outage the client's own retries could not ride out).</summary>
    public int FailNextCalls { get => Volatile.Read(ref _failNext); set => Volatile.Write(ref _failNext, value); }

    /// <summary>Before the next write, another instance changes the document behind the caller's back.</summary>
    public Func<StoredDocument?, StoredDocument>? RaceNextWrite { get; set; }

    /// <summary>Writes of documents this predicate matches are refused as Cosmos refuses an oversized document.</summary>
    public Func<StoredDocument, bool>? Reject { get; set; }

    private int _writes;
    private int _loads;

    public int Writes => Volatile.Read(ref _writes);

    public int Loads => Volatile.Read(ref _loads);

    public StoredDocument? Document(string projection, string key) => _documents.TryGetValue((projection, key), out var d) ? d.Document : null;

    public IReadOnlyList<DeadLetter> Letters => [.. _letters.Values.OrderBy(l => l.Event.StreamId, StringComparer.Ordinal).ThenBy(l => l.Event.StreamVersion)];

    /// <summary>How long a load takes after reading: the window in which another instance may write.</summary>
    public TimeSpan LoadLatency { get; set; }

    public async Task<VersionedDocument?> LoadAsync(string projection, string key, CancellationToken cancellationToken = default)
    {
        Fault();
        Interlocked.Increment(ref _loads);
        var document = _documents.TryGetValue((projection, key), out var d) ? d : null;
        if (LoadLatency > TimeSpan.Zero) await Task.Delay(LoadLatency, cancellationToken);
        return document;
    }

    public Task<bool> TryWriteAsync(string projection, StoredDocument document, string? etag, CancellationToken cancellationToken = default)
    {
        Fault();
        if (RaceNextWrite is { } next)
        {
            RaceNextWrite = null;
            Put(projection, next(Document(projection, document.Key)));
        }
        if (Reject?.Invoke(document) == true) throw new ReadModelRejectedException($"Document {document.Key} is too large.");
        lock (_documents)
        {
            var exists = _documents.TryGetValue((projection, document.Key), out var current);
            if (etag is null ? exists : !exists || current!.ETag != etag) return Task.FromResult(false);
            Put(projection, document);
            Interlocked.Increment(ref _writes);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyDictionary<ProjectionStreamKey, long>> GetParkedAsync(IReadOnlyCollection<string> streamIds, CancellationToken cancellationToken = default)
    {
        Fault();
        IReadOnlyDictionary<ProjectionStreamKey, long> parked = _letters.Values
            .Where(l => streamIds.Contains(l.Event.StreamId))
            .GroupBy(l => new ProjectionStreamKey(l.Projection, l.Event.StreamId))
            .ToDictionary(g => g.Key, g => g.Min(l => l.Event.StreamVersion));
        return Task.FromResult(parked);
    }

    public Task ParkAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        Fault();
        _letters[(letter.Projection, letter.Event.StreamId, letter.Event.StreamVersion)] = letter;
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        Fault();
        _letters.TryRemove((letter.Projection, letter.Event.StreamId, letter.Event.StreamVersion), out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeadLetter>> GetAsync(string projection, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DeadLetter>>([.. Letters.Where(l => l.Projection == projection)]);

    public Task<int> CountAsync(string projection, CancellationToken cancellationToken = default) =>
        Task.FromResult(_letters.Values.Count(l => l.Projection == projection));

    private int _failNext;

    private void Put(string projection, StoredDocument document) =>
        _documents[(projection, document.Key)] = new VersionedDocument(document, $"\"{Interlocked.Increment(ref _etag)}\"");

    /// <summary>Runs just before an injected fault is thrown (to cancel the caller at that very moment, say).</summary>
    public Action? BeforeFault { get; set; }

    private void Fault()
    {
        while (Volatile.Read(ref _failNext) is var left and > 0)
        {
            if (Interlocked.CompareExchange(ref _failNext, left - 1, left) != left) continue;
            BeforeFault?.Invoke();
            throw new IOException("Service unavailable (injected).");
        }
    }
}
