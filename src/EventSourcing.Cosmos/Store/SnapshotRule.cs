using EventSourcing.Snapshots;

namespace EventSourcing.Cosmos.Store;

/// <summary>The core's rule for keeping snapshots, the same as the SQLite store's: never move backwards.</summary>
internal static class SnapshotRule
{
    /// <summary>
    /// Whether <paramref name="incoming"/> replaces <paramref name="existing"/>: when there is none, when it is of a
    /// later version, or when its shape version differs (an old-shape snapshot is useless to new code).
    /// </summary>
    public static bool ShouldReplace(Snapshot? existing, Snapshot incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return existing is null || incoming.Version > existing.Version || incoming.SchemaVersion != existing.SchemaVersion;
    }
}
