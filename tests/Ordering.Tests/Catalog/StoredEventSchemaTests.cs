using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventSourcing.Catalog;
using EventSourcing.Serialization;
using EventSourcing.Store;
using EventSourcing.Tests.Support;
using Ordering.Contracts;
using Ordering.Tests.Serialization;
using Ordering.Tests.Support;

namespace Ordering.Tests.Catalog;

/// <summary>
/// The committed schemas in docs/events (what subscribers are given) accept what the store holds: every event JSON the
/// domain tests pin, and every example of the catalog, also once an older shape is upcast.
/// </summary>
public sealed class StoredEventSchemaTests
{
    private static readonly EventSerializer Serializer = new(OrderingEventTypes.Create());
    private static readonly EventCatalog Catalog = OrderingEventCatalog.Create();

    public static TheoryData<string, int, string> PinnedJson()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var row in PinnedEventJsonTests.Pinned())
        {
            var (_, type, schemaVersion, json) = row.Data;
            data.Add(type, schemaVersion, json);
        }
        data.Add("ItemAdded", 1, ItemAddedUpcastTests.V1Json);
        return data;
    }

    [Theory]
    [MemberData(nameof(PinnedJson))]
    public void Every_pinned_event_json_matches_the_committed_schema_of_its_type_and_version(string type, int schemaVersion, string json)
    {
        Assert.Empty(SchemaCheck.Violations(CommittedSchema(type, schemaVersion), json));
    }

    [Fact]
    public void The_pinned_types_and_versions_are_every_one_the_catalog_lists()
    {
        var pinned = PinnedJson().Select(row => (row.Data.Item1, row.Data.Item2)).ToHashSet();
        var ordering = Catalog.Events.Where(e => !e.Name.StartsWith("saga.", StringComparison.Ordinal)).Select(e => (e.Name, e.SchemaVersion));

        Assert.Empty(ordering.Except(pinned));
    }

    [Fact]
    public void A_schema_rejects_json_of_another_version_a_missing_member_and_an_unknown_one()
    {
        var v2 = """{"sku":"book-1","quantity":2,"unitPrice":9.5,"currency":"EUR","orderId":"o1"}""";

        Assert.NotEmpty(SchemaCheck.Violations(CommittedSchema("ItemAdded", 1), v2));
        Assert.NotEmpty(SchemaCheck.Violations(CommittedSchema("ItemAdded", 2), ItemAddedUpcastTests.V1Json));
        Assert.NotEmpty(SchemaCheck.Violations(CommittedSchema("ItemAdded", 2), """{"sku":"book-1","quantity":2,"unitPrice":9.5,"orderId":"o1"}"""));
        Assert.NotEmpty(SchemaCheck.Violations(CommittedSchema("ItemAdded", 2), v2.Replace("}", ""","note":"x"}""", StringComparison.Ordinal)));
        Assert.NotEmpty(SchemaCheck.Violations(CommittedSchema("OrderShipped", 1), """{"shippedAt":"yesterday","orderId":"o1"}"""));
        Assert.NotEmpty(SchemaCheck.Violations(CommittedSchema("PaymentConfirmed", 1), """{"amount":"19","orderId":"o1"}"""));
    }

    [Fact]
    public void Every_example_matches_its_schema_and_reads_back_through_the_serializer_an_older_one_upcast_to_a_valid_current_shape()
    {
        foreach (var entry in Catalog.Events.Where(e => !e.Name.StartsWith("saga.", StringComparison.Ordinal)))
        {
            var json = entry.Example.ToJsonString();
            Assert.Empty(SchemaCheck.Violations(entry.Schema, json));
            var read = Serializer.Deserialize(new RecordedEvent(
                Guid.NewGuid(), "s-1", 1, 1, entry.Name, entry.SchemaVersion, DateTimeOffset.UnixEpoch, Encoding.UTF8.GetBytes(json), EventMetadata.Empty));
            var current = Catalog.Events.Single(e => e.Name == entry.Name && e.Current);
            var readJson = JsonSerializer.Serialize(read, read.GetType(), Serializer.Options);
            Assert.Empty(SchemaCheck.Violations(current.Schema, readJson));
        }
    }

    private static JsonObject CommittedSchema(string type, int schemaVersion)
    {
        var path = Path.Combine(RepositoryFiles.EventCatalogFolder, EventCatalogGenerator.SchemaFileName(type, schemaVersion));
        Assert.True(File.Exists(path), $"{path} is missing: the catalog has no schema for '{type}' v{schemaVersion}.");
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }
}
