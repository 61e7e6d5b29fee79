using System.Text.Json.Nodes;
using EventSourcing.Catalog;

namespace EventSourcing.Cosmos.Documents;

/// <summary>
/// JSON Schemas (draft 2020-12) of the documents in the <c>events</c> container, as a change-feed subscriber
/// (ChangeFeedProcessor, CosmosDBTrigger) receives them: generated from <see cref="CommitDocument"/>,
/// <see cref="TipDocument"/> and <see cref="SnapshotDocument"/> with <see cref="CosmosJson.Options"/>. All three kinds
/// share a stream's partition and come through the same feed; <c>kind</c> tells them apart, and only commits carry events.
/// </summary>
public static class CosmosDocumentSchemas
{
    /// <summary>File name of the commit document's schema.</summary>
    public const string CommitFile = "cosmos-commit.schema.json";
    /// <summary>File name of the tip document's schema.</summary>
    public const string TipFile = "cosmos-tip.schema.json";
    /// <summary>File name of the snapshot document's schema.</summary>
    public const string SnapshotFile = "cosmos-snapshot.schema.json";

    /// <summary>Any document of the container: one of the three, by <c>kind</c>.</summary>
    public const string DocumentFile = "cosmos-document.schema.json";

    /// <summary>
    /// The four schemas by file name. <paramref name="eventData"/>, when given (see
    /// <see cref="EventCatalogDocuments.DataByTypeAndVersion"/> with JSON text), describes each commit event's
    /// <c>data</c> text by its type and schema version.
    /// </summary>
    public static IReadOnlyDictionary<string, JsonObject> Create(JsonArray? eventData = null)
    {
        var commit = Document<CommitDocument>(DocumentKinds.Commit,
            "One append to a stream: its events in order, written once and never changed. The only kind that carries events.");
        var entry = commit["properties"]!["events"]!["items"]!.AsObject();
        entry["properties"]!["data"]!.AsObject()["description"] =
            "The event's JSON as text, byte for byte as the serializer wrote it; its schema is the event catalog's for its type and schemaVersion.";
        entry["properties"]!["data"]!.AsObject()["contentMediaType"] = "application/json";
        if (eventData is not null) entry["allOf"] = eventData.DeepClone();

        return new Dictionary<string, JsonObject>(StringComparer.Ordinal)
        {
            [CommitFile] = commit,
            [TipFile] = Document<TipDocument>(DocumentKinds.Tip,
                "A stream's tip: its version and last commit time, replaced (under its ETag) by every append. Carries no event: skip it."),
            [SnapshotFile] = Document<SnapshotDocument>(DocumentKinds.Snapshot,
                "A stream's latest snapshot of its state, for loading it faster. Carries no event: skip it."),
            [DocumentFile] = new JsonObject
            {
                ["$schema"] = WrittenJsonSchema.Dialect,
                ["title"] = "A document of the events container",
                ["description"] = "What the change feed of the events container delivers: a commit, a tip or a snapshot, told apart by kind.",
                ["oneOf"] = new JsonArray(Reference(CommitFile), Reference(TipFile), Reference(SnapshotFile)),
            },
        };
    }

    private static JsonObject Document<TDocument>(string kind, string description)
    {
        // Cosmos adds its own members (_rid, _self, _etag, _ts, _lsn in the change feed), so documents are open.
        var exported = WrittenJsonSchema.For(typeof(TDocument), CosmosJson.Options, closed: false);
        var schema = new JsonObject
        {
            ["$schema"] = WrittenJsonSchema.Dialect,
            ["title"] = $"The events container's {kind} document",
            ["description"] = description,
        };
        foreach (var (key, value) in exported.ToList())
        {
            exported.Remove(key);
            schema[key] = value;
        }
        var properties = schema["properties"]!.AsObject();
        properties["kind"] = new JsonObject { ["const"] = kind, ["description"] = "Which of the container's documents this is: commit, tip or snapshot." };
        // The timestamp has a converter of its own, which the exporter cannot see into: UtcTimestampConverter's format.
        properties["timestamp"] = new JsonObject
        {
            ["type"] = "string",
            ["format"] = "date-time",
            ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{7}Z$",
            ["description"] = "When it was written, in UTC with seven fractional digits, so timestamps order as strings.",
        };
        return schema;
    }

    private static JsonObject Reference(string file) => new() { ["$ref"] = file };
}
