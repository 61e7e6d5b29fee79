using System.Text.Json.Nodes;
using EventSourcing.Catalog;
using EventSourcing.Serialization;
using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Tests.Catalog;

/// <summary>
/// A catalog generated from any event type map: each schema says what the serializer writes, and the generator refuses
/// a map it cannot describe completely.
/// </summary>
public sealed class EventCatalogGeneratorTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(2));

    private sealed record Line(string Sku, int Quantity, decimal Price)
    {
        public decimal Amount => Quantity * Price;
    }

    private sealed record Invoiced(string InvoiceId, decimal Total, IReadOnlyList<Line> Lines, string? Note, DateTimeOffset At);

    private sealed record InvoicedV1(string InvoiceId, decimal Amount);

    private static EventTypeMap Map() => new EventTypeMap()
        .Register<Invoiced>("Invoiced", schemaVersion: 2)
        .AddUpcaster("Invoiced", fromVersion: 1, v1 => new JsonObject
        {
            ["invoiceId"] = v1["invoiceId"]!.DeepClone(), ["total"] = v1["amount"]!.DeepClone(), ["lines"] = new JsonArray(), ["note"] = null, ["at"] = "2020-01-01T00:00:00+00:00",
        });

    private static EventDescriptions Descriptions() => new EventDescriptions()
        .DescribeFormerShape("Invoiced", 1, "An invoice was sent (before it had lines).", new InvoicedV1("i-1", 10m))
        .Describe("An invoice was sent.", new Invoiced("i-1", 19m, [new Line("book", 2, 9.5m)], null, At));

    private static readonly EventSerializer Serializer = new(Map());

    private static EventCatalog Catalog() => EventCatalogGenerator.Generate(new EventCatalogSource(Serializer, Descriptions()));

    [Fact]
    public void Every_version_of_every_declared_name_gets_a_draft_2020_12_schema_its_meaning_and_an_example()
    {
        var catalog = Catalog();

        Assert.Equal([("Invoiced", 1, false), ("Invoiced", 2, true)], catalog.Events.Select(e => (e.Name, e.SchemaVersion, e.Current)));
        var current = catalog.Find("Invoiced", 2)!;
        Assert.Equal(EventCatalogGenerator.SchemaDialect, current.Schema.Value("$schema"));
        Assert.Equal("An invoice was sent.", current.Schema.Value("description"));
        Assert.Equal("Invoiced.v2.schema.json", current.SchemaFile);
        Assert.Equal(["invoiceId", "amount"], Members(catalog.Find("Invoiced", 1)!.Schema));
    }

    [Fact]
    public void A_schema_says_what_the_serializer_writes_numbers_as_numbers_times_as_date_times_every_member_present_and_no_other()
    {
        var schema = Catalog().Find("Invoiced", 2)!.Schema;
        var properties = schema["properties"]!;

        // The core's options read numbers from strings too, but write them as numbers.
        Assert.Equal("number", properties["total"]!.Value("type"));
        Assert.Equal(("string", "date-time"), (properties["at"]!.Value("type"), properties["at"]!.Value("format")));
        Assert.Equal(JsonNode.Parse("""["string","null"]"""), properties["note"]!["type"], JsonNode.DeepEquals);
        Assert.Equal(["invoiceId", "total", "lines", "note", "at"], schema["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        // A computed member is written too, so it is there for every subscriber.
        Assert.Equal(["sku", "quantity", "price", "amount"], properties["lines"]!["items"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void With_nulls_left_out_a_nullable_member_is_not_required_and_an_open_schema_takes_other_members()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };
        var schema = WrittenJsonSchema.For(typeof(Invoiced), options, closed: false);

        Assert.Equal(["invoiceId", "total", "lines", "at"], schema["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Null(schema["additionalProperties"]);
        Assert.Empty(SchemaCheck.Violations(schema, """{"invoiceId":"i-1","total":1,"lines":[],"at":"2025-03-14T09:26:53+01:00","_ts":1}"""));
    }

    [Fact]
    public void What_the_serializer_writes_is_valid_by_the_schema_and_other_shapes_are_not()
    {
        var catalog = Catalog();
        var written = Serializer.Serialize(new Invoiced("i-2", 5m, [], "paid in cash", At), Guid.NewGuid(), EventMetadata.Empty);
        var json = System.Text.Encoding.UTF8.GetString(written.Data.Span);
        var schema = catalog.Find(written.Type, written.SchemaVersion)!.Schema;

        Assert.Empty(SchemaCheck.Violations(schema, json));
        Assert.Empty(SchemaCheck.Violations(catalog.Find("Invoiced", 2)!.Schema, catalog.Find("Invoiced", 2)!.Example.ToJsonString()));
        Assert.NotEmpty(SchemaCheck.Violations(schema, json.Replace("\"total\":5", "\"total\":\"5\"", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaCheck.Violations(schema, json.Replace("\"note\":\"paid in cash\",", "", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaCheck.Violations(schema, json.Replace("}", ",\"extra\":1}", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaCheck.Violations(schema, catalog.Find("Invoiced", 1)!.Example.ToJsonString()));
    }

    [Fact]
    public void A_declared_type_without_a_description_is_refused_by_name()
    {
        var map = Map().Register<InvoicedV1>("Reminded");

        var error = Assert.Throws<IncompleteEventCatalogException>(() =>
            EventCatalogGenerator.Generate(new EventCatalogSource(new EventSerializer(map), Descriptions())));
        Assert.Contains("'Reminded'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_older_version_without_a_described_shape_is_refused_for_it_may_still_be_stored()
    {
        var descriptions = new EventDescriptions().Describe("An invoice was sent.", new Invoiced("i-1", 19m, [], null, At));

        var error = Assert.Throws<IncompleteEventCatalogException>(() => EventCatalogGenerator.Generate(new EventCatalogSource(Serializer, descriptions)));
        Assert.Contains("'Invoiced' v1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_of_what_the_map_does_not_declare_is_refused()
    {
        var undeclaredType = Descriptions().Describe("Stale.", new InvoicedV1("i-1", 1m));
        var undeclaredVersion = Descriptions().DescribeFormerShape("Invoiced", 2, "Not former.", new InvoicedV1("i-1", 1m));

        Assert.Throws<IncompleteEventCatalogException>(() => EventCatalogGenerator.Generate(new EventCatalogSource(Serializer, undeclaredType)));
        Assert.Throws<IncompleteEventCatalogException>(() => EventCatalogGenerator.Generate(new EventCatalogSource(Serializer, undeclaredVersion)));
    }

    [Fact]
    public void The_rendered_docs_have_one_row_and_one_schema_file_per_version()
    {
        var files = EventCatalogDocuments.Render(Catalog(), "Generated.");

        Assert.Equal(["README.md", "Invoiced.v1.schema.json", "Invoiced.v2.schema.json"], files.Keys);
        Assert.Contains("| `Invoiced` | 1 (former, read upcast) | An invoice was sent (before it had lines). | [Invoiced.v1.schema.json](Invoiced.v1.schema.json) |", files["README.md"], StringComparison.Ordinal);
        Assert.Equal(Catalog().Find("Invoiced", 2)!.Schema.ToJsonString(), JsonNode.Parse(files["Invoiced.v2.schema.json"])!.ToJsonString());
    }

    private static IEnumerable<string> Members(JsonObject schema) => schema["properties"]!.AsObject().Select(p => p.Key);
}

file static class JsonNodeValues
{
    public static string? Value(this JsonNode node, string name) => node[name]?.GetValue<string>();
}
