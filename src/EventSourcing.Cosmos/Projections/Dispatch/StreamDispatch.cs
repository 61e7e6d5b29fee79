using EventSourcing.Projections;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Projections.Dispatch;

/// <summary>
/// Applies one stream's events of a batch to one projection in version order: consecutive events for one document
/// together, and from the first event that fails (or one parked before) on, every later one parked behind it.
/// </summary>
internal sealed class StreamDispatch(DocumentApplier applier, DeadLetterParking parking, ILogger logger)
{
    /// <param name="parkedAt">The version of the stream's first parked event for this projection, if any.</param>
    public async Task DispatchAsync(IProjection projection, List<DecodedEvent> events, long? parkedAt, CancellationToken cancellationToken)
    {
        var items = events.Select(e => e.For(projection, logger)).ToList();
        for (var i = 0; i < items.Count;)
        {
            var item = items[i];
            var version = item.Recorded.StreamVersion;
            if (item.Ignored) { i++; continue; }
            if (parkedAt is { } first && first <= version)
            {
                // Later events wait behind the parked one, so a retry replays the stream in order. (Equal: a redelivery of the parked event.)
                if (first < version) await parking.ParkAsync(projection, item.Recorded, DeadLetterParking.Waiting(first), 0, cancellationToken);
                i++;
                continue;
            }
            if (item.Error is { } error)
            {
                await parking.ParkAsync(projection, item.Recorded, error, 1, cancellationToken);
                parkedAt = version;
                i++;
                continue;
            }
            if (item.Key is not { } key) { i++; continue; }

            // Consecutive events for one document are applied together: one read and one write for the run.
            var run = items.Skip(i).TakeWhile(x => !x.Ignored && x.Error is null && x.Key == key).ToList();
            if (await applier.ApplyAsync(projection, key, run, parked: false, cancellationToken) is { } failure)
            {
                await parking.ParkAsync(projection, run[failure.Index].Recorded, failure.Error, 1, cancellationToken);
                parkedAt = run[failure.Index].Recorded.StreamVersion;
                i += failure.Index + 1;
            }
            else
                i += run.Count;
        }
    }
}
