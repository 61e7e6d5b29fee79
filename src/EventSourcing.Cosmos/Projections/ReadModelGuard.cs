using System.Text.Json;
using EventSourcing.Projections;
using EventSourcing.Store;

namespace EventSourcing.Cosmos.Projections;

/// <summary>
/// The write guard of change-feed read models, pure: a document remembers, per stream that fed it, the last version
/// applied; anything at or below it is a redelivery and changes nothing, so the feed's at-least-once delivery and
/// concurrent instances can neither apply an event twice nor move a document backwards. (The ETag then makes sure
/// the document this was decided on is still the one stored.) That memory is bounded (<see cref="StreamVersions"/>):
/// an event of a forgotten stream that cannot be proven new is not applied (never twice) and reported.
/// </summary>
internal static class ReadModelGuard
{
    /// <summary>What applying a run of events of one stream to one document came to.</summary>
    /// <param name="Next">The document to write, or null when every event was already applied.</param>
    /// <param name="FailedAt">Index of the event whose projection code failed; the events before it are in <paramref name="Next"/>.</param>
    /// <param name="Failure">What the projection code threw, for the log; the dead letter keeps <see cref="Error"/>.</param>
    /// <param name="Unprovable">Events not applied because the document could not prove them new (see <see cref="StreamVersions"/>).</param>
    public sealed record Outcome(StoredDocument? Next, int? FailedAt, Exception? Failure, IReadOnlyList<RecordedEvent>? Unprovable = null)
    {
        /// <summary>The error text a dead letter keeps: type and message.</summary>
        public string? Error => Failure is null ? null : DeadLetterError.Describe(Failure);
    }

    /// <summary>Whether the document already reflects version <paramref name="version"/> of <paramref name="streamId"/>.</summary>
    public static bool IsApplied(StoredDocument? document, string streamId, long version) =>
        document is not null && document.Versions.TryGetValue(streamId, out var applied) && applied >= version;

    /// <param name="parked">The run is a dead letter being retried: never applied before.</param>
    public static Outcome Apply(
        IProjection projection, string key, StoredDocument? current, IReadOnlyList<(RecordedEvent Recorded, object Event)> run,
        JsonSerializerOptions options, DateTimeOffset now, bool parked = false)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(run);
        var document = current;
        var changed = false;
        List<RecordedEvent>? unprovable = null;
        for (var i = 0; i < run.Count; i++)
        {
            var (recorded, domainEvent) = run[i];
            var delivery = StreamVersions.Check(document?.Versions, recorded, parked);
            if (delivery == Delivery.Applied) continue;
            if (delivery == Delivery.Unprovable)
            {
                (unprovable ??= []).Add(recorded);
                continue;
            }
            string? json;
            try
            {
                json = projection.Apply(document?.Json, domainEvent, recorded, options);
            }
#pragma warning disable CA1031 // Any failure of projection code parks the event instead of stopping the feed.
            catch (Exception e)
#pragma warning restore CA1031
            {
                return new Outcome(changed ? document : null, i, e, unprovable);
            }
            // After the first change the map is this run's own: extend it rather than copy it.
            var versions = changed && document!.Versions is Dictionary<string, long> own
                ? StreamVersions.RecordInPlace(own, recorded)
                : StreamVersions.Record(document?.Versions, recorded);
            document = new StoredDocument(key, json, versions, now);
            changed = true;
        }
        return new Outcome(changed ? document : null, null, null, unprovable);
    }
}
