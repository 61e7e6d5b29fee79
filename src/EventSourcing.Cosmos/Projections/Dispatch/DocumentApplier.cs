using EventSourcing.Projections;
using EventSourcing.Serialization;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Projections.Dispatch;

/// <summary>Applies a run of one stream's events to one read-model document, under the ETag it loaded.</summary>
internal sealed partial class DocumentApplier(
    IReadModelDocuments documents, EventSerializer serializer, ChangeFeedDispatcherOptions options, StorageRetry storage, ILogger logger)
{
    /// <summary>Applies a run of one stream's events to one document; returns the event to park, if any.</summary>
    /// <param name="parked">The run is a retried dead letter: never applied before.</param>
    public async Task<(int Index, string Error)?> ApplyAsync(
        IProjection projection, string key, List<ProjectionEvent> run, bool parked, CancellationToken cancellationToken)
    {
        List<(RecordedEvent, object)> events = [.. run.Select(r => (r.Recorded, r.Event!))];
        for (var round = 1; ; round++)
        {
            var loaded = await storage.RunAsync(ct => documents.LoadAsync(projection.Name, key, ct), cancellationToken);
            var outcome = ReadModelGuard.Apply(projection, key, loaded?.Document, events, serializer.Options, options.TimeProvider.GetUtcNow(), parked);
            foreach (var skipped in outcome.Unprovable ?? []) LogUnprovable(logger, projection.Name, key, StreamVersions.UnprovableError(skipped));
            if (outcome.Next is { } next)
            {
                bool written;
                try
                {
                    written = await storage.RunAsync(ct => documents.TryWriteAsync(projection.Name, next, loaded?.ETag, ct), cancellationToken);
                }
                catch (ReadModelRejectedException e)
                {
                    // Refused as a whole (too large, say): one event at a time finds the one that tips it over.
                    if (run.Count > 1) return await ApplyOneByOneAsync(projection, key, run, parked, cancellationToken);
                    return (0, ApplyFailures.Describe(logger, e, projection.Name, run[0].Recorded));
                }
                if (!written)
                {
                    // Another instance (or a redelivery) changed the document since it was read: decide again on the fresh one.
                    if (round >= options.ConflictRoundsBeforePause)
                        await Task.Delay(options.ErrorDelay, options.TimeProvider, cancellationToken);
                    continue;
                }
            }
            return outcome.FailedAt is { } failed ? (failed, ApplyFailures.Describe(logger, outcome.Failure!, projection.Name, run[failed].Recorded)) : null;
        }
    }

    private async Task<(int Index, string Error)?> ApplyOneByOneAsync(
        IProjection projection, string key, List<ProjectionEvent> run, bool parked, CancellationToken cancellationToken)
    {
        for (var i = 0; i < run.Count; i++)
            if (await ApplyAsync(projection, key, [run[i]], parked, cancellationToken) is { } failure) return (i, failure.Error);
        return null;
    }

    [LoggerMessage(LogLevel.Warning, "Projection {Projection} did not apply an event to {Key}: {Reason}")]
    private static partial void LogUnprovable(ILogger logger, string projection, string key, string reason);
}
