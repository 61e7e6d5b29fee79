using System.Text.Json.Nodes;

namespace EventSourcing.Catalog;

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
