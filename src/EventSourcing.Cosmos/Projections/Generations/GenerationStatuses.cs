using EventSourcing.Projections;

namespace EventSourcing.Cosmos.Projections.Generations;

/// <summary>How a projection's generations show in the status list, as the SQLite runner shows them.</summary>
public static class GenerationStatuses
{
    /// <summary>
    /// The active generation (Running, or CatchingUp while its processor has changes pending) and, during a rebuild,
    /// the one being built (Rebuilding). There is no global position on Cosmos, so the checkpoint is 0.
    /// </summary>
    public static IReadOnlyList<ProjectionStatus> For(
        GenerationsRecord record, GenerationProgress active, GenerationProgress? building, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(record);
        var activeLag = active.Lag ?? 0;
        var statuses = new List<ProjectionStatus>
        {
            new(record.Projection, record.Active, 0, activeLag, activeLag > 0 ? ProjectionStatus.CatchingUp : ProjectionStatus.Running, at, active.DeadLetters),
        };
        if (record.Building is { } generation && building is { } progress)
            statuses.Add(new(record.Projection, generation, 0, progress.Lag ?? 0, ProjectionStatus.Rebuilding, at, progress.DeadLetters));
        return statuses;
    }
}
