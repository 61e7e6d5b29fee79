using System.Globalization;
using EventSourcing.Store;

namespace EventSourcing.Projections;

/// <summary>
/// How a read-model document remembers what it has applied, bounded by design. A document fed by many streams (a customer
/// summary fed by every order of the customer) would otherwise keep one entry per stream forever and outgrow what a
/// store accepts (Cosmos refuses a document over 2 MB). So it keeps the last applied version of at most
/// <see cref="Limit"/> streams, the ones most recently applied, each with the mark of its last applied event (the global
/// position where the feed has one, else the commit timestamp); when it would keep more, the oldest quarter are forgotten
/// and only the highest mark among them is kept. Dedup stays exact:
/// <list type="bullet">
/// <item>a remembered stream: anything at or below its version is a redelivery, as before;</item>
/// <item>a forgotten stream whose event is newer than the highest forgotten mark: never applied (every applied event of a
/// forgotten stream is at or below that mark, and a stream's marks only grow), so it is applied;</item>
/// <item>an event at or below that mark on a feed with global positions (SQLite): the feed delivers in position order, so
/// it was applied (or parked, and parked events come back only through a dead-letter retry) — a redelivery;</item>
/// <item>the same on Cosmos (commit timestamps, no global order, partitions lag one another): a redelivery, unless a first
/// delivery lagged behind the newer events of hundreds of other streams of the same document. It is not applied, never
/// twice, and logged as a warning (parking it would hold back every later event of its stream behind a redelivery, and
/// a reset lease redelivers all of them); a rebuild recomputes the document from the events, which are all kept.</item>
/// </list>
/// The memory lives in the document's versions map under keys no stream id can have ('#' is refused in stream ids), so
/// both stores keep it without a schema change.
/// </summary>
public static class StreamVersions
{
    /// <summary>Most streams a document remembers by version.</summary>
    public const int Limit = 1000;

    private const string ForgottenKey = "#forgotten";
    private const string MarkPrefix = "#at:";

    /// <summary>Whether <paramref name="e"/> is new to a document whose versions map is <paramref name="versions"/>.</summary>
    /// <param name="parked">The event is a dead letter being retried: it was never applied, so a forgotten stream does not make it suspect.</param>
    public static Delivery Check(IReadOnlyDictionary<string, long>? versions, RecordedEvent e, bool parked = false)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (versions is null) return Delivery.New;
        if (versions.TryGetValue(e.StreamId, out var applied)) return applied >= e.StreamVersion ? Delivery.Applied : Delivery.New;
        if (parked || !versions.TryGetValue(ForgottenKey, out var forgotten) || Mark(e) > forgotten) return Delivery.New;
        return e.Position is null ? Delivery.Unprovable : Delivery.Applied;
    }

    /// <summary>The versions map after applying <paramref name="e"/>, forgetting the oldest streams when over <paramref name="limit"/>.</summary>
    public static Dictionary<string, long> Record(IReadOnlyDictionary<string, long>? versions, RecordedEvent e, int limit = Limit) =>
        RecordInPlace(new Dictionary<string, long>(versions ?? Empty, StringComparer.Ordinal), e, limit);

    /// <summary>As <see cref="Record"/>, changing <paramref name="versions"/> itself (a map the caller owns, not yet stored).</summary>
    public static Dictionary<string, long> RecordInPlace(Dictionary<string, long> versions, RecordedEvent e, int limit = Limit)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var mark = Mark(e);
        versions[e.StreamId] = e.StreamVersion;
        versions[MarkPrefix + e.StreamId] = mark;
        // Two keys per stream (its version, its mark) and the forgotten mark: a count check that costs nothing per event.
        if (versions.Count <= 2 * limit + 1) return versions;

        // Forget down to three quarters, so forgetting happens once per quarter of the limit, not on every event.
        var streams = versions.Keys.Where(k => !k.StartsWith('#')).ToList();
        if (streams.Count <= limit) return versions;
        var oldest = streams.OrderBy(s => versions.GetValueOrDefault(MarkPrefix + s, long.MinValue)).Take(streams.Count - limit * 3 / 4).ToList();
        var forgotten = versions.GetValueOrDefault(ForgottenKey, long.MinValue);
        foreach (var stream in oldest)
        {
            // A map written before marks has none: what it applied came no later than this event, so its mark bounds them.
            forgotten = Math.Max(forgotten, versions.GetValueOrDefault(MarkPrefix + stream, mark));
            versions.Remove(stream);
            versions.Remove(MarkPrefix + stream);
        }
        versions[ForgottenKey] = forgotten;
        return versions;
    }

    /// <summary>How many streams the map remembers by version.</summary>
    public static int Remembered(IReadOnlyDictionary<string, long> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        // Each remembered stream has its version and its mark; maps written before marks existed have versions only.
        var marks = versions.Keys.Count(k => k.StartsWith(MarkPrefix, StringComparison.Ordinal));
        return versions.Count - marks - (versions.ContainsKey(ForgottenKey) ? 1 : 0);
    }

    /// <summary>Why an event <see cref="Check"/> found <see cref="Delivery.Unprovable"/> was not applied.</summary>
    public static string UnprovableError(RecordedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return string.Create(CultureInfo.InvariantCulture,
            $"Version {e.StreamVersion} of '{e.StreamId}' reached a document that no longer remembers that stream, and it is not newer than what the document forgot: it may have been applied already, so it was not applied again.");
    }

    // A stream's events get ever higher positions, and commit timestamps that never go backwards within a stream.
    private static long Mark(RecordedEvent e) => e.Position ?? e.Timestamp.UtcTicks;

    private static readonly Dictionary<string, long> Empty = [];
}
