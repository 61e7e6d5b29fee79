using EventSourcing.Projections;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Projections;

public sealed partial class ChangeFeedDispatcher
{
    /// <summary>Applies a run of one stream's events to one document; returns the event to park, if any.</summary>
    /// <param name="parked">The run is a retried dead letter: never applied before.</param>
    private async Task<(int Index, string Error)?> ApplyRunAsync(
        IProjection projection, string key, List<ForProjection> run, bool parked, CancellationToken cancellationToken)
    {
        List<(RecordedEvent, object)> events = [.. run.Select(r => (r.Recorded, r.Event!))];
        for (var round = 1; ; round++)
        {
            var loaded = await PersistAsync(ct => _documents.LoadAsync(projection.Name, key, ct), cancellationToken);
            var outcome = ReadModelGuard.Apply(projection, key, loaded?.Document, events, _serializer.Options, _options.TimeProvider.GetUtcNow(), parked);
            foreach (var skipped in outcome.Unprovable ?? []) LogUnprovable(_logger, projection.Name, key, StreamVersions.UnprovableError(skipped));
            if (outcome.Next is { } next)
            {
                bool written;
                try
                {
                    written = await PersistAsync(ct => _documents.TryWriteAsync(projection.Name, next, loaded?.ETag, ct), cancellationToken);
                }
                catch (ReadModelRejectedException e)
                {
                    // Refused as a whole (too large, say): one event at a time finds the one that tips it over.
                    if (run.Count > 1) return await ApplyOneByOneAsync(projection, key, run, parked, cancellationToken);
                    return (0, Describe(e, projection.Name, run[0].Recorded));
                }
                if (!written)
                {
                    // Another instance (or a redelivery) changed the document since it was read: decide again on the fresh one.
                    if (round >= _options.ConflictRoundsBeforePause)
                        await Task.Delay(_options.ErrorDelay, _options.TimeProvider, cancellationToken);
                    continue;
                }
            }
            return outcome.FailedAt is { } failed ? (failed, Describe(outcome.Failure!, projection.Name, run[failed].Recorded)) : null;
        }
    }

    private async Task<(int Index, string Error)?> ApplyOneByOneAsync(
        IProjection projection, string key, List<ForProjection> run, bool parked, CancellationToken cancellationToken)
    {
        for (var i = 0; i < run.Count; i++)
            if (await ApplyRunAsync(projection, key, [run[i]], parked, cancellationToken) is { } failure) return (i, failure.Error);
        return null;
    }

    private async Task ParkAsync(IProjection projection, RecordedEvent recorded, string error, int attempts, CancellationToken cancellationToken)
    {
        if (attempts > 0) LogParked(_logger, projection.Name, recorded.StreamId, recorded.StreamVersion, error);
        var generation = projection is Generations.GenerationProjection g ? g.Generation : 1;
        var letter = new DeadLetter(projection.Name, generation, recorded, error, attempts, _options.TimeProvider.GetUtcNow());
        await PersistAsync(async ct => { await _deadLetters.ParkAsync(letter, ct); return true; }, cancellationToken);
    }

    /// <summary>
    /// Runs a storage call until it succeeds. The stores retry transient faults a bounded number of times; past
    /// that (an outage, a missing container) the batch waits here rather than being acknowledged half done.
    /// </summary>
    private async Task<T> PersistAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (ReadModelRejectedException)
            {
                throw;
            }
#pragma warning disable CA1031 // Whatever storage throws, the events must still be applied: log, wait, try again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                // Cancelled while storage was failing: the caller must see a cancellation (the batch is delivered
                // again), never the storage fault, whichever of the two happened first.
                cancellationToken.ThrowIfCancellationRequested();
                LogStorageFault(_logger, e, attempt, _options.ErrorDelay);
                await Task.Delay(_options.ErrorDelay, _options.TimeProvider, cancellationToken);
            }
        }
    }

    private Decoded Decode(RecordedEvent recorded)
    {
        // Other streams (saga history, foreign types) share the container; what the type map does not know is not ours.
        if (!_serializer.TypeMap.IsKnown(recorded.Type)) return new(recorded, null, null, Ignored: true);
        try
        {
            return new(recorded, _serializer.Deserialize(recorded), null, Ignored: false);
        }
#pragma warning disable CA1031 // A event that cannot be decoded is poison: parked, not thrown.
        catch (Exception e)
        {
            return new(recorded, null, Describe(e, "(decoding)", recorded), Ignored: false);
        }
#pragma warning restore CA1031
    }

    /// <summary>An event decoded once for the whole batch.</summary>
    private sealed record Decoded(RecordedEvent Recorded, object? Event, string? Error, bool Ignored)
    {
        public ForProjection For(IProjection projection, ILogger logger)
        {
            if (Ignored || Error is not null) return new(Recorded, Event, null, Error, Ignored);
            try
            {
                return new(Recorded, Event, projection.KeyOf(Event!, Recorded), null, false);
            }
#pragma warning disable CA1031
            catch (Exception e)
            {
                return new(Recorded, Event, null, Describe(logger, e, projection.Name, Recorded), false);
            }
#pragma warning restore CA1031
        }
    }

    /// <summary>An event as one projection sees it: the document it changes, or why it cannot be applied.</summary>
    private sealed record ForProjection(RecordedEvent Recorded, object? Event, string? Key, string? Error, bool Ignored);

    // A dead letter keeps the type and message; the stack trace goes to the log, for operators only.
    private string Describe(Exception e, string projection, RecordedEvent recorded) => Describe(_logger, e, projection, recorded);

    private static string Describe(ILogger logger, Exception e, string projection, RecordedEvent recorded)
    {
        LogApplyFailed(logger, e, projection, recorded.StreamId, recorded.StreamVersion);
        return DeadLetterError.Describe(e);
    }

    [LoggerMessage(LogLevel.Warning, "Projection {Projection} failed on version {Version} of {StreamId}")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception, string projection, string streamId, long version);

    [LoggerMessage(LogLevel.Warning, "Projection {Projection} parked version {Version} of {StreamId}: {Error}")]
    private static partial void LogParked(ILogger logger, string projection, string streamId, long version, string error);

    [LoggerMessage(LogLevel.Warning, "Projection {Projection} did not apply an event to {Key}: {Reason}")]
    private static partial void LogUnprovable(ILogger logger, string projection, string key, string reason);

    [LoggerMessage(LogLevel.Error, "Read-model storage failed (attempt {Attempt}); trying again in {Delay}")]
    private static partial void LogStorageFault(ILogger logger, Exception exception, int attempt, TimeSpan delay);
}
