using EventSourcing.Cosmos.Diagnostics;
using EventSourcing.Cosmos.Projections.Generations;
using EventSourcing.Projections;

namespace EventSourcing.Cosmos.Projections;

public sealed partial class ChangeFeedProjections
{
    /// <summary>
    /// Returns once the estimator reports no pending changes on any lease (the processor must be running somewhere).
    /// Before the processor has created its leases there is nothing to estimate, so this keeps waiting.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        while (await EstimateLagAsync(cancellationToken) is not 0)
            await Task.Delay(_options.WaitPollInterval, _options.TimeProvider, cancellationToken);
    }

    /// <summary>
    /// One status per projection's active generation, and one more (Rebuilding) per generation being built. Lag is the
    /// estimator's count of changed documents not yet processed by the generation's processor (commits and tips alike,
    /// so roughly two per pending append); there is no global position, so the checkpoint is 0.
    /// </summary>
    public async Task<IReadOnlyList<ProjectionStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var mainLag = await EstimateLagAsync(cancellationToken);
        var at = _dispatcher.LastDispatchedAt ?? _options.TimeProvider.GetUtcNow();
        var statuses = new List<ProjectionStatus>();
        foreach (var projection in _dispatcher.Projections.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var record = await _dispatcher.Generations.GetAsync(projection.Name, cancellationToken);
            var active = await ProgressAsync(projection.Name, record.Active, mainLag, cancellationToken);
            GenerationProgress? building = record.Building is { } b ? await ProgressAsync(projection.Name, b, mainLag, cancellationToken) : null;
            statuses.AddRange(GenerationStatuses.For(record, active, building, at));
        }
        return statuses;
    }

    /// <summary>The main processor's pending changes summed over every lease, or null when it has no leases yet.</summary>
    public Task<long?> EstimateLagAsync(CancellationToken cancellationToken = default) => EstimateLagAsync(_options.ProcessorName, cancellationToken);

    private async Task<GenerationProgress> ProgressAsync(string projection, int generation, long? mainLag, CancellationToken cancellationToken)
    {
        var lag = generation == 1 ? mainLag
            : await EstimateLagAsync(ProjectionGenerations.ProcessorName(_options.ProcessorName, projection, generation), cancellationToken);
        return new(lag, await _deadLetters.CountAsync(ProjectionGenerations.PhysicalName(projection, generation), cancellationToken));
    }

    /// <summary>Pending changes of the named processor summed over every lease, or null when it has no leases yet.</summary>
    private async Task<long?> EstimateLagAsync(string processor, CancellationToken cancellationToken)
    {
        var estimator = _events.GetChangeFeedEstimator(processor, _leases);
        using var iterator = estimator.GetCurrentStateIterator();
        long? total = null;
        while (iterator.HasMoreResults)
        {
            var page = await iterator.ReadNextAsync(cancellationToken);
            RequestCharges.Record(_logger, "estimate-lag", processor, page.RequestCharge);
            foreach (var state in page) total = (total ?? 0) + state.EstimatedLag;
        }
        return total;
    }
}
