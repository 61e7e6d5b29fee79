namespace EventSourcing.Snapshots;

/// <summary>When to take a snapshot after an append.</summary>
public sealed record SnapshotPolicy(int EveryNEvents)
{
    /// <summary>Never snapshot.</summary>
    public static SnapshotPolicy Never { get; } = new(0);

    /// <summary>Snapshot each time the stream crosses a multiple of <paramref name="n"/> events.</summary>
    public static SnapshotPolicy Every(int n) =>
        n > 0 ? new(n) : throw new ArgumentOutOfRangeException(nameof(n), n, "Snapshot every 1 or more events.");

    /// <summary>Whether an append that took the stream from <paramref name="before"/> to <paramref name="after"/> warrants a snapshot.</summary>
    public bool ShouldSnapshot(long before, long after) => EveryNEvents > 0 && after / EveryNEvents > before / EveryNEvents;
}
