using EventSourcing.Serialization;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Projections;

/// <summary>
/// Applies a run of events to one generation of one projection and says what to commit: changed documents,
/// parked events and, when replaying dead letters, the ones released. Never writes anything itself.
/// </summary>
internal sealed partial class PageApplier(IProjection projection, EventSerializer serializer, IProjectionStore store, TimeProvider time, ILogger logger)
{

    public IProjection Projection => projection;

    /// <param name="retryAttempts">Null for new events; for a dead-letter replay, the attempts so far by position.</param>
    public async Task<ProjectionChanges> ApplyAsync(
        int generation, IReadOnlyList<RecordedEvent> events, long? checkpoint, IReadOnlyDictionary<long, int>? retryAttempts, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var decoded = events.Select(Decode).ToList();
        var keys = decoded.Select(d => d.Key).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var documents = new Dictionary<string, StoredDocument>(
            keys.Count == 0 ? [] : await store.LoadDocumentsAsync(projection.Name, generation, keys, cancellationToken), StringComparer.Ordinal);
        // A replay starts with no stream parked: it is the parked events themselves, in order.
        var parkedStreams = new Dictionary<string, long>(retryAttempts is not null ? [] : await store.GetParkedStreamsAsync(
            projection.Name, generation, [.. decoded.Where(d => !d.Ignored).Select(d => d.Recorded.StreamId).Distinct(StringComparer.Ordinal)], cancellationToken));

        var changed = new HashSet<string>(StringComparer.Ordinal);
        var parked = new List<DeadLetter>();
        var released = new List<long>();
        foreach (var item in decoded)
        {
            var position = item.Recorded.Position!.Value;
            var attempts = retryAttempts?.GetValueOrDefault(position) ?? 0;
            string? error;
            if (item.Ignored)
                error = null;
            else if (parkedStreams.TryGetValue(item.Recorded.StreamId, out var first) && first <= position)
            {
                // Later events of a stream wait behind its parked one so a retry replays the stream in order.
                // (first == position: a redelivery of the parked event itself, already where it belongs.)
                if (first < position)
                    parked.Add(new DeadLetter(projection.Name, generation, item.Recorded, $"Waiting behind parked event at position {first}.", attempts, now));
                continue;
            }
            else
                error = item.Error ?? TryApply(item, documents, changed, now, replay: retryAttempts is not null);

            if (error is null)
            {
                if (retryAttempts is not null) released.Add(position);
                continue;
            }
            parkedStreams[item.Recorded.StreamId] = position;
            parked.Add(new DeadLetter(projection.Name, generation, item.Recorded, error, attempts + 1, now));
        }
        return new ProjectionChanges(projection.Name, generation, checkpoint, [.. changed.Select(k => documents[k])], parked, released, now);
    }

    private Decoded Decode(RecordedEvent recorded)
    {
        if (recorded.Position is null)
            throw new InvalidOperationException($"Event {recorded.EventId} has no global position; projections follow a feed that has one.");
        // Other streams (saga history, foreign types) share the feed; what the type map does not know is not ours.
        if (!serializer.TypeMap.IsKnown(recorded.Type)) return new(recorded, null, null, null, Ignored: true);
        try
        {
            var @event = serializer.Deserialize(recorded);
            return new(recorded, @event, projection.KeyOf(@event, recorded), null, Ignored: false);
        }
#pragma warning disable CA1031 // Any failure of projection code or of decoding parks the event instead of stopping the feed.
        catch (Exception e)
        {
            return new(recorded, null, null, Describe(e, recorded), Ignored: false);
        }
    }

    private string? TryApply(Decoded item, Dictionary<string, StoredDocument> documents, HashSet<string> changed, DateTimeOffset now, bool replay)
    {
        if (item.Key is not { } key) return null;
        var recorded = item.Recorded;
        documents.TryGetValue(key, out var current);
        // The feed is at-least-once: anything the document already reflects is a redelivery (see StreamVersions, which
        // also keeps that memory bounded). A replayed dead letter was parked, so never applied.
        switch (StreamVersions.Check(current?.Versions, recorded, parked: replay))
        {
            case Delivery.Applied:
                return null;
            case Delivery.Unprovable:
                return StreamVersions.UnprovableError(recorded);
        }

        string? json;
        try
        {
            json = projection.Apply(current?.Json, item.Event!, recorded, serializer.Options);
        }
        catch (Exception e)
        {
            return Describe(e, recorded);
        }
#pragma warning restore CA1031
        // A document already changed in this page holds a map of this page's own making: extend it rather than copy it.
        var versions = changed.Contains(key) && current!.Versions is Dictionary<string, long> own
            ? StreamVersions.RecordInPlace(own, recorded)
            : StreamVersions.Record(current?.Versions, recorded);
        documents[key] = new StoredDocument(key, json, versions, now);
        changed.Add(key);
        return null;
    }

    // The dead letter keeps type and message; the stack trace goes to the log, for operators only.
    private string Describe(Exception e, RecordedEvent recorded)
    {
        LogFailed(logger, e, projection.Name, recorded.StreamId, recorded.StreamVersion);
        return DeadLetterError.Describe(e);
    }

    [LoggerMessage(LogLevel.Warning, "Projection {Projection} failed on version {Version} of {StreamId}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string projection, string streamId, long version);

    private sealed record Decoded(RecordedEvent Recorded, object? Event, string? Key, string? Error, bool Ignored);
}
