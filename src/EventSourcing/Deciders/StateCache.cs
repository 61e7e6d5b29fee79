using Microsoft.Extensions.Caching.Memory;

namespace EventSourcing.Deciders;

/// <summary>
/// States recently loaded or written, by stream, so a command reads only the events after the version it already
/// knows instead of the whole stream (Equinox's cache, without the store's help: events are immutable, so a cached
/// state plus the events after it is always the current state, whoever else writes). Bounded: the least recently
/// used streams leave first. Temporal loads never use it.
/// </summary>
public sealed class StateCache : IDisposable
{
    private readonly MemoryCache _entries;

    /// <param name="capacity">How many streams' states are kept.</param>
    public StateCache(int capacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.1 });
    }

    internal bool TryGet<TState>(string streamId, out TState state, out long version)
    {
        if (_entries.TryGetValue((streamId, typeof(TState)), out var found) && found is Entry<TState> entry)
        {
            (state, version) = (entry.State, entry.Version);
            return true;
        }
        (state, version) = (default!, 0);
        return false;
    }

    /// <summary>
    /// Keeps the state of the stream at a version; an older version than the one kept is ignored (best effort under races:
    /// an older entry winning only means a longer read next time, never a wrong state).
    /// </summary>
    internal void Set<TState>(string streamId, TState state, long version)
    {
        if (version <= 0) return;
        var key = (streamId, typeof(TState));
        if (_entries.TryGetValue(key, out var found) && found is Entry<TState> kept && kept.Version >= version) return;
        _entries.Set(key, new Entry<TState>(state, version), new MemoryCacheEntryOptions { Size = 1 });
    }

    /// <summary>Drops every cached state and releases the cache.</summary>
    public void Dispose() => _entries.Dispose();

    // State and version travel together: a state is only ever cached with the version it folds to.
    private sealed record Entry<TState>(TState State, long Version);
}
