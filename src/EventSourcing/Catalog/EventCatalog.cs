using System.Text.Json.Nodes;

namespace EventSourcing.Catalog;

/// <summary>Every stored event name and schema version a backend writes or still reads, each with its JSON Schema.</summary>
public sealed record EventCatalog(IReadOnlyList<EventCatalogEntry> Events)
{
    /// <summary>The entry for one stored name and schema version, or null when the catalog has none.</summary>
    public EventCatalogEntry? Find(string name, int schemaVersion) =>
        Events.FirstOrDefault(e => e.Name == name && e.SchemaVersion == schemaVersion);
}

/// <summary>
/// One stored event name in one schema version: what the fact means, the JSON Schema (draft 2020-12) of its data as
/// the serializer writes it, and an example of that data. <see cref="Current"/> is false for an older shape that
/// stores still hold and readers upcast.
/// </summary>
public sealed record EventCatalogEntry(
    string Name,
    int SchemaVersion,
    bool Current,
    string Description,
    string SchemaFile,
    JsonObject Schema,
    JsonNode Example);
