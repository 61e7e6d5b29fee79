using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using EventSourcing.Store;

namespace EventSourcing.Cosmos.Store;

/// <summary>Where the store looks for an append's event ids, and so where it finds them already stored.</summary>
public enum EventIdScope
{
    /// <summary>
    /// Inside the stream's partition, and only where the answer can change the outcome (the default): before writing an
    /// <see cref="ExpectedVersion.Any"/> or <see cref="ExpectedVersion.StreamExists"/> append (a resent one would
    /// otherwise be written twice), and for an exact expectation only when the stream is not at the expected version or
    /// the batch conflicted. Every retry is still recognised: a resent batch meets the tip's ETag (412) or its own commit
    /// (409, the commit's id is its first event's id), and a command decided again with the ids derived from its
    /// idempotency key meets its first event's commit. Not detected: an id reused in another stream, and an exact append
    /// at the stream's current version that reuses stored ids while its first event did not start a stored append.
    /// </summary>
    Stream,

    /// <summary>
    /// Across the whole store, as the store contract states (opt-in): every append first asks every partition of the
    /// container for its ids (a cross-partition query; about 2.5 RU per physical partition), so any reuse is refused.
    /// </summary>
    Store,
}

/// <summary>The query that finds where an append's event ids are already stored, and its rows lined up with the events.</summary>
internal static class EventIdLookup
{
    /// <summary>One row per stored event whose id is among the append's.</summary>
    public sealed record Row(
        [property: JsonPropertyName("streamId")] string StreamId,
        [property: JsonPropertyName("id")] Guid Id,
        [property: JsonPropertyName("version")] long Version);

    /// <summary>The query text. The ids are formatted GUIDs, so inlining them is safe and keeps the IN list unbounded by parameter limits.</summary>
    public static string Query(IReadOnlyList<EventData> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var text = new StringBuilder("SELECT c.streamId, e.id, e.version FROM c JOIN e IN c.events WHERE c.kind = 'commit' AND e.id IN (");
        for (var i = 0; i < events.Count; i++)
            text.Append(i == 0 ? "" : ", ").Append('\'').Append(events[i].EventId.ToString("D", CultureInfo.InvariantCulture)).Append('\'');
        return text.Append(')').ToString();
    }

    /// <summary>The answer when the ids were not looked up: none is known to be stored.</summary>
    public static StoredEventLocation?[] NotLookedUp(int count) => new StoredEventLocation?[count];

    /// <summary>For each event of the append, in order, where its id is stored, or null.</summary>
    public static StoredEventLocation?[] Align(IReadOnlyList<EventData> events, IEnumerable<Row> rows)
    {
        ArgumentNullException.ThrowIfNull(events);
        var byId = new Dictionary<Guid, Row>();
        foreach (var row in rows) byId.TryAdd(row.Id, row);
        return [.. events.Select(e => byId.TryGetValue(e.EventId, out var r) ? new StoredEventLocation(r.Id, r.StreamId, r.Version, null) : null)];
    }
}
