using System.Text.Json;
using System.Text.Json.Nodes;
using EventSourcing.Serialization;

namespace EventSourcing.Catalog;

/// <summary>
/// Builds an <see cref="EventCatalog"/> from event type maps: for every declared stored name, every schema version from
/// 1 to the current one, a JSON Schema of what the serializer writes for the type (<see cref="WrittenJsonSchema"/>), and
/// the description and example given for it.
/// </summary>
public static class EventCatalogGenerator
{
    /// <summary>The JSON Schema dialect of every generated schema.</summary>
    public const string SchemaDialect = WrittenJsonSchema.Dialect;

    /// <summary>The catalog of every source's events, in the order the sources and their maps declare them.</summary>
    /// <exception cref="IncompleteEventCatalogException">A stored name or older version lacks a description, or a description names nothing declared.</exception>
    public static EventCatalog Generate(params IEnumerable<EventCatalogSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var entries = new List<EventCatalogEntry>();
        foreach (var source in sources)
        {
            var declared = source.Serializer.TypeMap.Declared;
            ThrowOnStaleDescriptions(source.Descriptions, declared);
            foreach (var type in declared)
            {
                for (var version = 1; version < type.SchemaVersion; version++)
                {
                    var former = source.Descriptions.Of(type.Name, version) ?? throw new IncompleteEventCatalogException(
                        $"'{type.Name}' v{version} may still be stored but has no description: describe its shape with DescribeFormerShape.");
                    entries.Add(Entry(type.Name, version, current: false, former.ShapeType, former.Description, source.Serializer.Options));
                }
                var description = source.Descriptions.Of(type.ClrType) ?? throw new IncompleteEventCatalogException(
                    $"'{type.Name}' ({type.ClrType.Name}) has no description: describe it with Describe<{type.ClrType.Name}>.");
                entries.Add(Entry(type.Name, type.SchemaVersion, current: true, type.ClrType, description, source.Serializer.Options));
            }
        }
        var duplicate = entries.GroupBy(e => (e.Name, e.SchemaVersion)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new IncompleteEventCatalogException($"'{duplicate.Key.Name}' v{duplicate.Key.SchemaVersion} is declared by more than one source.");
        return new EventCatalog(entries);
    }

    /// <summary>The schema file name of a stored name and version, e.g. <c>OrderCreated.v1.schema.json</c>.</summary>
    public static string SchemaFileName(string name, int schemaVersion) => $"{name}.v{schemaVersion}.schema.json";

    private static void ThrowOnStaleDescriptions(EventDescriptions descriptions, IReadOnlyList<DeclaredEventType> declared)
    {
        foreach (var type in descriptions.DescribedTypes.Where(t => declared.All(d => d.ClrType != t)))
            throw new IncompleteEventCatalogException($"{type.Name} is described but not declared in the event type map.");
        foreach (var (name, version) in descriptions.DescribedFormerShapes.Where(f => !declared.Any(d => d.Name == f.Name && f.SchemaVersion < d.SchemaVersion)))
            throw new IncompleteEventCatalogException($"'{name}' v{version} is described as a former shape, but the map declares no later version of it.");
    }

    private static EventCatalogEntry Entry(
        string name, int version, bool current, Type shape, EventDescriptions.EventDescription description, JsonSerializerOptions writeOptions)
    {
        var exported = WrittenJsonSchema.For(shape, writeOptions);
        var example = JsonSerializer.SerializeToNode(description.Example, shape, writeOptions)
            ?? throw new IncompleteEventCatalogException($"The example of '{name}' v{version} serializes to null.");
        var schema = new JsonObject
        {
            ["$schema"] = SchemaDialect,
            ["title"] = $"{name} v{version}",
            ["description"] = description.Meaning,
        };
        foreach (var (key, value) in exported.ToList())
        {
            exported.Remove(key);
            schema[key] = value;
        }
        schema["examples"] = new JsonArray(example.DeepClone());
        return new EventCatalogEntry(name, version, current, description.Meaning, SchemaFileName(name, version), schema, example);
    }
}
