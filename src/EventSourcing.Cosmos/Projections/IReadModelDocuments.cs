using EventSourcing.Projections;

namespace EventSourcing.Cosmos.Projections;

/// <summary>Read-model documents as the change-feed dispatcher needs them: load with an ETag, write only if still current.</summary>
public interface IReadModelDocuments
{
    /// <summary>The document (tombstones included), or null when there is none.</summary>
    Task<VersionedDocument?> LoadAsync(string projection, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the document (<paramref name="etag"/> null) or replaces it if its ETag still is <paramref name="etag"/>.
    /// Returns false when another writer got there first; the caller reloads and decides again.
    /// </summary>
    /// <exception cref="ReadModelRejectedException">The store refuses this document itself (too large, malformed): retrying will not help.</exception>
    Task<bool> TryWriteAsync(string projection, StoredDocument document, string? etag, CancellationToken cancellationToken = default);
}
