using System.Text;
using System.Text.Json.Nodes;
using EventSourcing.Serialization;
using EventSourcing.Store;

namespace EventSourcing.Tests.Core;

public sealed class EventSerializerTests
{
    // Three shapes of one event: v1 had "price" in cents, v2 "price" in units, v3 "unitPrice" + "currency".
    public sealed record PriceSet(decimal UnitPrice, string Currency);

    private static readonly EventTypeMap Types = new EventTypeMap()
        .Register<PriceSet>("PriceSet", schemaVersion: 3)
        .AddUpcaster("PriceSet", 1, v1 => new JsonObject { ["price"] = v1["price"]!.GetValue<decimal>() / 100 })
        .AddUpcaster("PriceSet", 2, v2 => new JsonObject { ["unitPrice"] = v2["price"]!.GetValue<decimal>(), ["currency"] = "EUR" });

    private static RecordedEvent Stored(string type, int schemaVersion, string json) =>
        new(Guid.NewGuid(), "s-1", 1, 1, type, schemaVersion, DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes(json), EventMetadata.Empty);

    [Fact]
    public void An_event_is_stored_under_its_declared_name_and_current_schema_version_in_camel_case()
    {
        var data = new EventSerializer(Types).Serialize(new PriceSet(9.5m, "USD"), Guid.NewGuid(), EventMetadata.Empty);

        Assert.Equal(("PriceSet", 3), (data.Type, data.SchemaVersion));
        Assert.Equal("""{"unitPrice":9.5,"currency":"USD"}""", Encoding.UTF8.GetString(data.Data.Span));
    }

    [Theory]
    [InlineData(1, """{"price":1250}""")]
    [InlineData(2, """{"price":12.5}""")]
    [InlineData(3, """{"unitPrice":12.5,"currency":"EUR"}""")]
    public void Every_older_shape_reads_as_the_current_one_through_the_upcaster_chain(int schemaVersion, string json)
    {
        var stored = Stored("PriceSet", schemaVersion, json);

        var read = new EventSerializer(Types).Deserialize(stored);

        Assert.Equal(new PriceSet(12.5m, "EUR"), read);
        Assert.Equal(json, Encoding.UTF8.GetString(stored.Data.Span)); // the stored event is never rewritten
    }

    [Fact]
    public void An_undeclared_type_cannot_be_written_or_read()
    {
        var serializer = new EventSerializer(Types);

        Assert.Throws<UnknownEventTypeException>(() => serializer.Serialize(new { x = 1 }, Guid.NewGuid(), EventMetadata.Empty));
        var error = Assert.Throws<UnknownEventTypeException>(() => serializer.Deserialize(Stored("PriceDropped", 1, "{}")));
        Assert.Contains("PriceDropped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shape_newer_than_the_code_or_a_gap_in_the_chain_is_a_clear_error()
    {
        var gappy = new EventTypeMap().Register<PriceSet>("PriceSet", schemaVersion: 3)
            .AddUpcaster("PriceSet", 2, v2 => v2);

        Assert.Contains("newer", Assert.Throws<UnknownEventTypeException>(() => new EventSerializer(Types).Deserialize(Stored("PriceSet", 4, "{}"))).Message, StringComparison.Ordinal);
        Assert.Contains("v1 into v2", Assert.Throws<UnknownEventTypeException>(() => new EventSerializer(gappy).Deserialize(Stored("PriceSet", 1, "{}"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_stored_name_cannot_be_declared_for_two_types()
    {
        var types = new EventTypeMap().Register<PriceSet>("PriceSet");

        Assert.Throws<InvalidOperationException>(() => types.Register<string>("PriceSet"));
        Assert.Throws<InvalidOperationException>(() => types.Register<PriceSet>("PriceChanged"));
    }
}
