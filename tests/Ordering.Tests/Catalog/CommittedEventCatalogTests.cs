using System.Text.Json.Nodes;
using EventSourcing.Catalog;
using Ordering.Contracts;
using Ordering.Tests.Support;

namespace Ordering.Tests.Catalog;

/// <summary>
/// docs/events is the event catalog the code generates, committed so a change to stored data shows in review. An event
/// whose shape changes while its schema version stays fails here (stored events of that version would no longer match
/// what subscribers were told); UPDATE_CATALOG=1 rewrites the folder, but never an existing version's shape.
/// </summary>
public sealed class CommittedEventCatalogTests
{
    internal const string Preamble = """
        What every stored event's `data` looks like, per stored name and schema version: generated from the contract types in
        `src/Ordering.Contracts` and the core's saga history (`src/EventSourcing/Sagas/History`, written by the local host's
        embedded saga runner to `saga-{id}` streams) by `EventCatalogGenerator`, and served as JSON at `GET /api/catalog`.
        Each schema (JSON Schema draft 2020-12) says what the serializer writes: camelCase members, every one always present,
        decimals as JSON numbers, times as ISO 8601 with an offset. A version marked "former" is no longer written but may be
        stored: readers upcast it to the current version. The envelope around `data` (type, schemaVersion, stream, metadata)
        is specified in [../envelopes](../envelopes) and [../asyncapi.yaml](../asyncapi.yaml).

        Do not edit these files: `UPDATE_CATALOG=1 dotnet test tests/Ordering.Tests --filter FullyQualifiedName~CommittedEventCatalog`
        rewrites them. Changing an event's shape needs a new `schemaVersion` in `OrderingEventTypes` with an upcaster, and
        the old shape described with `DescribeFormerShape`; a test fails when a committed version's shape changes.
        """;

    private static readonly IReadOnlyDictionary<string, string> Generated = EventCatalogDocuments.Render(OrderingEventCatalog.Create(), Preamble);

    [Fact]
    public void The_committed_docs_events_folder_is_the_catalog_the_code_generates()
    {
        var folder = RepositoryFiles.EventCatalogFolder;
        if (Environment.GetEnvironmentVariable("UPDATE_CATALOG") == "1")
        {
            Assert.Empty(ReshapedVersions());
            Directory.CreateDirectory(folder);
            foreach (var stale in Committed().Keys.Except(Generated.Keys)) File.Delete(Path.Combine(folder, stale));
            foreach (var (name, content) in Generated) File.WriteAllText(Path.Combine(folder, name), content);
        }

        var committed = Committed();
        var differing = Generated.Keys.Union(committed.Keys).Order(StringComparer.Ordinal)
            .Where(name => !committed.TryGetValue(name, out var text) || !Generated.TryGetValue(name, out var fresh) || text != fresh).ToList();
        Assert.True(differing.Count == 0,
            $"docs/events differs from the generated catalog in {string.Join(", ", differing)}: review the change, then run " +
            "UPDATE_CATALOG=1 dotnet test tests/Ordering.Tests --filter FullyQualifiedName~CommittedEventCatalog.");
    }

    [Fact]
    public void A_committed_schema_version_keeps_its_shape()
    {
        var reshaped = ReshapedVersions();

        Assert.True(reshaped.Count == 0,
            $"The shape of {string.Join(", ", reshaped)} changed without a new schema version: events already stored in it would no " +
            "longer match. Register the new shape as the next schemaVersion with an upcaster, and describe the old one with DescribeFormerShape.");
    }

    [Fact]
    public void The_shape_check_sees_a_member_made_nullable_which_no_example_would_show()
    {
        var committed = JsonNode.Parse(Generated["OrderShipped.v1.schema.json"])!.AsObject();
        var widened = committed.DeepClone().AsObject();
        widened["properties"]!["shippedAt"]!["type"] = new JsonArray("string", "null");
        var redescribed = committed.DeepClone().AsObject();
        redescribed["description"] = "Reworded.";

        Assert.False(SameShape(committed, widened));
        Assert.True(SameShape(committed, redescribed));
    }

    /// <summary>Committed schema files whose version the code still generates, but in another shape (annotations aside).</summary>
    private static List<string> ReshapedVersions() =>
    [
        .. Committed().Where(c => c.Key.EndsWith(".schema.json", StringComparison.Ordinal) && Generated.ContainsKey(c.Key))
            .Where(c => !SameShape(JsonNode.Parse(c.Value)!.AsObject(), JsonNode.Parse(Generated[c.Key])!.AsObject()))
            .Select(c => c.Key),
    ];

    private static bool SameShape(JsonObject committed, JsonObject generated) =>
        JsonNode.DeepEquals(WithoutAnnotations(committed), WithoutAnnotations(generated));

    private static readonly string[] Annotations = ["title", "description", "examples", "$comment"];

    private static readonly string[] SchemaMaps = ["properties", "patternProperties", "$defs"];

    /// <summary>The schema without what only describes it: the validation keywords are its shape.</summary>
    private static JsonNode WithoutAnnotations(JsonNode schema)
    {
        var copy = schema.DeepClone();
        Strip(copy);
        return copy;

        static void Strip(JsonNode? node)
        {
            if (node is not JsonObject schema) return;
            foreach (var annotation in Annotations) schema.Remove(annotation);
            foreach (var (keyword, value) in schema.ToList())
            {
                // Under properties the keys are member names ("description" may be one); their values are schemas.
                if (SchemaMaps.Contains(keyword) && value is JsonObject map) { foreach (var (_, member) in map) Strip(member); }
                else if (value is JsonObject subschema) Strip(subschema);
                else if (value is JsonArray list) { foreach (var item in list) Strip(item); }
            }
        }
    }

    private static Dictionary<string, string> Committed()
    {
        var folder = RepositoryFiles.EventCatalogFolder;
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).ToDictionary(file => Path.GetFileName(file), file => File.ReadAllText(file), StringComparer.Ordinal)
            : [];
    }
}
