using System.Collections.Concurrent;
using EventSourcing.Cosmos.Projections.Generations;

namespace EventSourcing.Cosmos.Tests.Support;

/// <summary>Generations records in memory with Cosmos's ETag rules, counting reads, with a knob to lose the next write race.</summary>
public sealed class InMemoryGenerations : IProjectionGenerations
{
    private readonly ConcurrentDictionary<string, StoredGenerations> _records = new(StringComparer.Ordinal);
    private int _etag;
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    /// <summary>Before the next write, another writer stores this record (so the caller's ETag is stale).</summary>
    public GenerationsRecord? RaceNextWrite { get; set; }

    public GenerationsRecord? Record(string projection) => _records.TryGetValue(projection, out var r) ? r.Record : null;

    public void Put(GenerationsRecord record) =>
        _records[record.Projection] = new(record, $"\"{Interlocked.Increment(ref _etag)}\"");

    public Task<StoredGenerations> GetGenerationsAsync(string projection, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(_records.TryGetValue(projection, out var stored) ? stored : new(GenerationsRecord.Initial(projection), null));
    }

    public Task<bool> TryWriteGenerationsAsync(GenerationsRecord record, string? etag, CancellationToken cancellationToken = default)
    {
        if (RaceNextWrite is { } race)
        {
            RaceNextWrite = null;
            Put(race);
        }
        lock (_records)
        {
            var exists = _records.TryGetValue(record.Projection, out var current);
            if (etag is null ? exists : !exists || current!.ETag != etag) return Task.FromResult(false);
            Put(record);
            return Task.FromResult(true);
        }
    }
}

/// <summary>A clock that moves only when told.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
