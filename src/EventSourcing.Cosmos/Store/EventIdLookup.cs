using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using EventSourcing.Store;

namespace EventSourcing.Cosmos.Store;

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
