using EventSourcing.Cosmos.ChangeFeed;
using EventSourcing.Cosmos.Projections.Generations;
using EventSourcing.Projections;

namespace EventSourcing.Cosmos.Projections.Runtime;

/// <summary>The projections' statuses on Cosmos: each generation's lag from its processor's estimator and its parked events.</summary>
internal sealed class ChangeFeedStatusReport(
    ChangeFeedDispatcher dispatcher, IDeadLetterStore deadLetters, ChangeFeedLag lag, ChangeFeedProjectionOptions options)
{
    /// <summary>
    /// One status per projection's active generation, and one more (Rebuilding) per generation being built. Lag is the
    /// estimator's count of changed documents not yet processed by the generation's processor (commits and tips alike,
    /// so roughly two per pending append); there is no global position, so the checkpoint is 0.
    /// </summary>
    public async Task<IReadOnlyList<ProjectionStatus>> GetAsync(CancellationToken cancellationToken)
    {
        var mainLag = await lag.EstimateAsync(options.ProcessorName, cancellationToken);
        var at = dispatcher.LastDispatchedAt ?? options.TimeProvider.GetUtcNow();
        var statuses = new List<ProjectionStatus>();
        foreach (var projection in dispatcher.Projections.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var record = await dispatcher.Generations.GetAsync(projection.Name, cancellationToken);
            var active = await ProgressAsync(projection.Name, record.Active, mainLag, cancellationToken);
            GenerationProgress? building = record.Building is { } b ? await ProgressAsync(projection.Name, b, mainLag, cancellationToken) : null;
            statuses.AddRange(GenerationStatuses.For(record, active, building, at));
        }
        return statuses;
    }

    private async Task<GenerationProgress> ProgressAsync(string projection, int generation, long? mainLag, CancellationToken cancellationToken)
    {
        var generationLag = generation == 1 ? mainLag
            : await lag.EstimateAsync(ProjectionGenerations.ProcessorName(options.ProcessorName, projection, generation), cancellationToken);
        return new(generationLag, await deadLetters.CountAsync(ProjectionGenerations.PhysicalName(projection, generation), cancellationToken));
    }
}
