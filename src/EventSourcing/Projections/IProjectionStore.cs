namespace EventSourcing.Projections;

/// <summary>
/// Where a projection runtime keeps its state: generations with their checkpoints, documents with the stream
/// versions they reflect, and dead letters. Storage-specific; the runner drives it and never touches storage itself.
/// </summary>
public interface IProjectionStore
{
    /// <summary>Every generation of <paramref name="projections"/>, first creating generation 1 (active, checkpoint 0) for any without one.</summary>
    Task<IReadOnlyList<ProjectionGeneration>> EnsureProjectionsAsync(IReadOnlyCollection<IProjection> projections, CancellationToken cancellationToken = default);

    /// <summary>Every generation of every projection, with its dead-letter count.</summary>
    Task<IReadOnlyList<ProjectionGeneration>> GetGenerationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the next generation (building, checkpoint 0), or returns the one already building.</summary>
    Task<ProjectionGeneration> StartRebuildAsync(string projection, CancellationToken cancellationToken = default);

    /// <summary>Atomically makes <paramref name="generation"/> the active one and removes every other generation with its documents and dead letters.</summary>
    Task PromoteAsync(string projection, int generation, CancellationToken cancellationToken = default);

    /// <summary>The stored documents (tombstones included) among <paramref name="keys"/>.</summary>
    Task<IReadOnlyDictionary<string, StoredDocument>> LoadDocumentsAsync(
        string projection, int generation, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>For each of <paramref name="streamIds"/> that has parked events, the position of its first one.</summary>
    Task<IReadOnlyDictionary<string, long>> GetParkedStreamsAsync(
        string projection, int generation, IReadOnlyCollection<string> streamIds, CancellationToken cancellationToken = default);

    /// <summary>The dead letters of one generation, in position order.</summary>
    Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string projection, int generation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes documents, parks and releases dead letters, and moves the checkpoint, all or nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The generation no longer exists (it was replaced).</exception>
    Task CommitAsync(ProjectionChanges changes, CancellationToken cancellationToken = default);
}
