using System.Collections.Concurrent;

namespace EventSourcing.Cosmos.Projections.Generations;

/// <summary>
/// Answers which generation of a projection is active, from a short cache so a read costs no extra request most of
/// the time. The price is staleness: for up to <see cref="CacheDuration"/> after a switch, this process may still read
/// (and the main processor still write) the previous generation, which is complete up to the switch and kept.
/// </summary>
public sealed class GenerationResolver
{
    /// <summary>How long a record read is trusted by default.</summary>
    public static readonly TimeSpan DefaultCacheDuration = TimeSpan.FromSeconds(5);

    private readonly IProjectionGenerations? _source;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (GenerationsRecord Record, DateTimeOffset ReadAt)> _cache = new(StringComparer.Ordinal);

    /// <param name="source">Null: no rebuilds anywhere, generation 1 is always active and nothing is read.</param>
    public GenerationResolver(IProjectionGenerations? source, TimeProvider? time = null, TimeSpan? cacheDuration = null)
    {
        _source = source;
        _time = time ?? TimeProvider.System;
        CacheDuration = cacheDuration ?? DefaultCacheDuration;
    }

    /// <summary>How long a record read is trusted before it is read again.</summary>
    public TimeSpan CacheDuration { get; }

    /// <summary>Where the records are stored; null when nothing is ever rebuilt.</summary>
    public IProjectionGenerations? Source => _source;

    /// <summary>Whether a record read at <paramref name="readAt"/> may still answer at <paramref name="now"/>.</summary>
    public static bool IsFresh(DateTimeOffset readAt, DateTimeOffset now, TimeSpan cacheDuration) =>
        now >= readAt && now - readAt < cacheDuration;

    /// <summary>The projection's record, from the cache while it is fresh; generation 1 active when there is no source or no record.</summary>
    public async Task<GenerationsRecord> GetAsync(string projection, CancellationToken cancellationToken = default)
    {
        if (_source is null) return GenerationsRecord.Initial(projection);
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(projection, out var cached) && IsFresh(cached.ReadAt, now, CacheDuration)) return cached.Record;
        var record = (await _source.GetGenerationsAsync(projection, cancellationToken)).Record;
        _cache[projection] = (record, now);
        return record;
    }

    /// <summary>Takes a record this process just wrote as read now, so its own answers follow its own writes at once.</summary>
    public void Remember(GenerationsRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_source is not null) _cache[record.Projection] = (record, _time.GetUtcNow());
    }

    /// <summary>The name the active generation's documents are stored under.</summary>
    public async Task<string> ActiveNameAsync(string projection, CancellationToken cancellationToken = default) =>
        ProjectionGenerations.PhysicalName(projection, (await GetAsync(projection, cancellationToken)).Active);
}
