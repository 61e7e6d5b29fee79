namespace EventSourcing.Projections;

/// <summary>What one page (or one retry) changes, committed all or nothing.</summary>
/// <param name="Checkpoint">The new checkpoint, or null to leave it where it is.</param>
/// <param name="Documents">Documents to write, tombstones included.</param>
/// <param name="Parked">Dead letters to add or update (by position).</param>
/// <param name="Released">Positions of dead letters to remove.</param>
public sealed record ProjectionChanges(
    string Projection,
    int Generation,
    long? Checkpoint,
    IReadOnlyList<StoredDocument> Documents,
    IReadOnlyList<DeadLetter> Parked,
    IReadOnlyList<long> Released,
    DateTimeOffset At);
