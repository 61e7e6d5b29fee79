using EventSourcing.Cosmos.Diagnostics;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.ChangeFeed;

/// <summary>How far a change-feed processor over the events container is behind, from the SDK's estimator over its leases.</summary>
internal sealed class ChangeFeedLag(Container events, Container leases, ILogger logger)
{
    /// <summary>Pending changes of the named processor summed over every lease, or null when it has no leases yet.</summary>
    public async Task<long?> EstimateAsync(string processor, CancellationToken cancellationToken)
    {
        var estimator = events.GetChangeFeedEstimator(processor, leases);
        using var iterator = estimator.GetCurrentStateIterator();
        long? total = null;
        while (iterator.HasMoreResults)
        {
            var page = await iterator.ReadNextAsync(cancellationToken);
            RequestCharges.Record(logger, "estimate-lag", processor, page.RequestCharge);
            foreach (var state in page) total = (total ?? 0) + state.EstimatedLag;
        }
        return total;
    }
}
