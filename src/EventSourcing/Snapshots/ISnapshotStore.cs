namespace EventSourcing.Snapshots;

/// <summary>Where snapshots live. Saving never moves a stream's snapshot backwards.</summary>
public interface ISnapshotStore
{
    /// <summary>The newest snapshot of the stream, or null.</summary>
    Task<Snapshot?> LoadAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Keeps <paramref name="snapshot"/> unless the store already has one at the same or a later version.</summary>
    Task SaveAsync(Snapshot snapshot, CancellationToken cancellationToken = default);
}
