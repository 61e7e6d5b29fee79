using Microsoft.Extensions.Logging;

namespace EventSourcing.Projections;

/// <summary>
/// Blue/green rebuilds: a new generation is built from position zero beside the one answering reads, and switched in
/// once it reaches the head.
/// </summary>
internal sealed class ProjectionRebuilds(IProjectionStore store, ProjectionAppliers appliers, GenerationCursors cursors, ILogger logger)
{
    /// <summary>Starts building the next generation, or returns the one already being built.</summary>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public async Task<int> StartAsync(string projection, CancellationToken cancellationToken)
    {
        appliers.Of(projection);
        using var turn = await cursors.EnterAsync(cancellationToken);
        await cursors.LoadAsync(cancellationToken);
        var building = GenerationCursor.From(await store.StartRebuildAsync(projection, cancellationToken));
        cursors.Add(building);
        return building.Generation;
    }

    /// <summary>Makes a generation that reached the head the one answering reads, retiring the others. Call during a turn.</summary>
    public async Task PromoteAsync(GenerationCursor building, CancellationToken cancellationToken)
    {
        await store.PromoteAsync(building.Projection, building.Generation, cancellationToken);
        cursors.Promoted(building);
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("Projection {Projection} v{Generation} is rebuilt and now answers reads.", building.Projection, building.Generation);
    }
}
