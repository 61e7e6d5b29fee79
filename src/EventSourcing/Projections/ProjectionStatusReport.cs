using EventSourcing.Store;

namespace EventSourcing.Projections;

/// <summary>Where every generation of every projection stands, as the operations endpoints show it.</summary>
internal sealed class ProjectionStatusReport(IEventFeed feed, IProjectionStore store, ProjectionAppliers appliers, GenerationCursors cursors)
{
    /// <summary>Every generation: version, checkpoint, lag behind the head, status and dead letters.</summary>
    public async Task<IReadOnlyList<ProjectionStatus>> ReadAsync(CancellationToken cancellationToken)
    {
        await cursors.StartedAsync(cancellationToken);
        var head = await feed.GetHeadPositionAsync(cancellationToken);
        var generations = await store.GetGenerationsAsync(cancellationToken);
        return [.. generations
            .Where(g => appliers.Contains(g.Projection))
            .OrderBy(g => g.Projection, StringComparer.Ordinal).ThenBy(g => g.Generation)
            .Select(g =>
            {
                var lag = Math.Max(0, head - g.Checkpoint);
                var status = g.State == GenerationState.Building ? ProjectionStatus.Rebuilding
                    : lag > 0 ? ProjectionStatus.CatchingUp : ProjectionStatus.Running;
                return new ProjectionStatus(g.Projection, g.Generation, g.Checkpoint, lag, status, g.UpdatedAt, g.DeadLetters);
            })];
    }
}
