using System.Text.Json.Nodes;

namespace EventSourcing.Catalog;

/// <summary>Every stored event name and schema version a backend writes or still reads, each with its JSON Schema.</summary>
public sealed record EventCatalog(IReadOnlyList<EventCatalogEntry> Events)
{
    /// <summary>The entry for one stored name and schema version, or null when the catalog has none.</summary>
    public EventCatalogEntry? Find(string name, int schemaVersion) =>
        Events.FirstOrDefault(e => e.Name == name && e.SchemaVersion == schemaVersion);
}
