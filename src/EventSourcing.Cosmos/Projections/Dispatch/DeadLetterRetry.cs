using EventSourcing.Projections;
using EventSourcing.Serialization;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Projections.Dispatch;

/// <summary>
/// Re-applies a projection's parked events, each stream in version order: those that now succeed (or turn out to
/// need nothing) are removed; a stream stops at its first event that fails again, which counts one more attempt,
/// and the rest of that stream stay parked behind it.
/// </summary>
internal sealed class DeadLetterRetry(
    IDeadLetterStore deadLetters, EventSerializer serializer, StorageRetry storage, DocumentApplier applier, DeadLetterParking parking, ILogger logger)
{
    /// <param name="target">The projection named <paramref name="projection"/>.</param>
    public async Task<DeadLetterRetryResult> RetryAsync(IProjection target, string projection, CancellationToken cancellationToken)
    {
        var letters = await storage.RunAsync(ct => deadLetters.GetAsync(projection, ct), cancellationToken);
        var (applied, stillParked) = (0, 0);
        foreach (var stream in letters.GroupBy(l => l.Event.StreamId, StringComparer.Ordinal))
        {
            long? blockedAt = null;
            foreach (var letter in stream.OrderBy(l => l.Event.StreamVersion))
            {
                var version = letter.Event.StreamVersion;
                var error = blockedAt is { } first ? DeadLetterParking.Waiting(first) : await TryApplyAsync(target, letter, cancellationToken);
                if (error is null)
                {
                    await storage.RunAsync(async ct => { await deadLetters.ReleaseAsync(letter, ct); return true; }, cancellationToken);
                    applied++;
                    continue;
                }
                await parking.ParkAsync(target, letter.Event, error, blockedAt is null ? letter.Attempts + 1 : letter.Attempts, cancellationToken);
                blockedAt ??= version;
                stillParked++;
            }
        }
        return new DeadLetterRetryResult(applied, stillParked);
    }

    private async Task<string?> TryApplyAsync(IProjection projection, DeadLetter letter, CancellationToken cancellationToken)
    {
        var item = DecodedEvent.Decode(serializer, logger, letter.Event).For(projection, logger);
        if (item.Ignored || (item.Error is null && item.Key is null)) return null;
        if (item.Error is { } error) return error;
        // A parked event was never applied, so a stream its document has forgotten since does not make it suspect.
        return await applier.ApplyAsync(projection, item.Key!, [item], parked: true, cancellationToken) is { } failure ? failure.Error : null;
    }
}
