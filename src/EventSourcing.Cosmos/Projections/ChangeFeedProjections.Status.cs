using EventSourcing.Cosmos.Diagnostics;
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
    /// One status per projection. Lag is the estimator's count of changed documents not yet processed (commits and
    /// tips alike, so roughly two per pending append); there is no global position, so the checkpoint is 0.
    /// </summary>
    public async Task<IReadOnlyList<ProjectionStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var lag = await EstimateLagAsync(cancellationToken) ?? 0;
        var at = _dispatcher.LastDispatchedAt ?? _options.TimeProvider.GetUtcNow();
        var statuses = new List<ProjectionStatus>();
        foreach (var projection in _dispatcher.Projections.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var parked = await _deadLetters.CountAsync(projection.Name, cancellationToken);
            statuses.Add(new ProjectionStatus(projection.Name, 1, 0, lag, lag > 0 ? ProjectionStatus.CatchingUp : ProjectionStatus.Running, at, parked));
        }
        return statuses;
    }

    /// <summary>Pending changes summed over every lease, or null when the processor has no leases yet.</summary>
    public async Task<long?> EstimateLagAsync(CancellationToken cancellationToken = default)
    {
        var estimator = _events.GetChangeFeedEstimator(_options.ProcessorName, _leases);
        using var iterator = estimator.GetCurrentStateIterator();
        long? total = null;
        while (iterator.HasMoreResults)
        {
            var page = await iterator.ReadNextAsync(cancellationToken);
            RequestCharges.Record(_logger, "estimate-lag", _options.ProcessorName, page.RequestCharge);
            foreach (var state in page) total = (total ?? 0) + state.EstimatedLag;
        }
        return total;
    }
}
