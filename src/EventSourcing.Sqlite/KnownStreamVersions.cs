using System.Collections.Concurrent;

namespace EventSourcing.Sqlite;

/// <summary>
/// Versions of the streams the writer committed to since the store opened. It is the only writer of the file, so a
/// reader asking for events past a stream's version here needs no query. Bounded: past the limit it starts over.
/// A stream whose last append has an unknown outcome is forgotten: readers then ask the database.
/// </summary>
internal sealed class KnownStreamVersions
{
    private const int MaxKnownStreams = 1_000_000;

    private readonly ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);

    public bool TryGet(string streamId, out long version) => _versions.TryGetValue(streamId, out version);

    /// <summary>Records the versions a commit reached (called once per commit, before its appends are acknowledged).</summary>
    public void Committed(IEnumerable<(string StreamId, long Version)> written)
    {
        if (_versions.Count > MaxKnownStreams) _versions.Clear();
        foreach (var (streamId, version) in written)
            _versions.AddOrUpdate(streamId, version, (_, known) => Math.Max(known, version));
    }

    public void Forget(string streamId) => _versions.TryRemove(streamId, out _);
}
