using EventSourcing.Projections;

namespace EventSourcing.Cosmos.Projections;

/// <summary>A stored read-model document with the ETag its next write must match.</summary>
public sealed record VersionedDocument(StoredDocument Document, string ETag);

/// <summary>A projection and a stream: the unit whose events are applied in order and parked in order.</summary>
public readonly record struct ProjectionStreamKey(string Projection, string StreamId);

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

/// <summary>Where events a projection could not apply are parked, with everything needed to apply them later.</summary>
public interface IDeadLetterStore
{
    /// <summary>For each projection and stream among <paramref name="streamIds"/> with parked events, the version of its first one.</summary>
    Task<IReadOnlyDictionary<ProjectionStreamKey, long>> GetParkedAsync(IReadOnlyCollection<string> streamIds, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces the letter for its projection, stream and version.</summary>
    Task ParkAsync(DeadLetter letter, CancellationToken cancellationToken = default);

    /// <summary>Removes the letter (nothing happens when it is already gone).</summary>
    Task ReleaseAsync(DeadLetter letter, CancellationToken cancellationToken = default);

    /// <summary>The projection's letters, by stream and version.</summary>
    Task<IReadOnlyList<DeadLetter>> GetAsync(string projection, CancellationToken cancellationToken = default);

    /// <summary>How many letters the projection has.</summary>
    Task<int> CountAsync(string projection, CancellationToken cancellationToken = default);
}

/// <summary>The store refused a read-model document (e.g. over the size limit); the event that produced it is parked.</summary>
public sealed class ReadModelRejectedException(string message, Exception? inner = null) : Exception(message, inner);
