using System.Text;
using EventSourcing.Deciders;
using EventSourcing.Serialization;
using EventSourcing.Sqlite;
using EventSourcing.Store;
using Ordering.Contracts;
using Ordering.Contracts.Orders;
using Ordering.Domain;
using Ordering.Domain.Orders;
using Ordering.Tests.Support;

namespace Ordering.Tests.Serialization;

/// <summary>ItemAdded v1 had a bare "price" and no currency; orders were all in euros then.</summary>
public sealed class ItemAddedUpcastTests
{
    internal const string V1Json = """{"orderId":"o1","sku":"sku-1","quantity":2,"price":9.5}""";
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);
    private static readonly EventSerializer Serializer = new(OrderingEventTypes.Create());

    [Fact]
    public void A_v1_item_reads_as_v2_with_its_price_as_unit_price_in_euros()
    {
        var recorded = new RecordedEvent(Guid.NewGuid(), StreamIds.Order("o1"), 2, 2, "ItemAdded", 1, Now, Encoding.UTF8.GetBytes(V1Json), EventMetadata.Empty);

        var read = Serializer.Deserialize(recorded);

        Assert.Equal(new ItemAdded("o1", "sku-1", 2, 9.5m, "EUR"), read);
        Assert.Equal(V1Json, Encoding.UTF8.GetString(recorded.Data.Span)); // the stored bytes are never rewritten
    }

    [Fact]
    public async Task An_order_stored_with_a_v1_item_loads_with_the_line_and_checks_out_at_its_price()
    {
        using var folder = new TempDirectory();
        await using var store = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = folder.File("events.db") });
        var aggregates = new AggregateStore(store, Serializer);
        var stream = StreamIds.Order("o1");
        await aggregates.AppendAsync<OrderEvent>(stream, ExpectedVersion.NoStream, [new OrderCreated("o1", "c1", "EUR", Now)], [Guid.NewGuid()], EventMetadata.Empty);
        await store.AppendAsync(stream, ExpectedVersion.Exact(1), [new EventData(Guid.NewGuid(), "ItemAdded", 1, Encoding.UTF8.GetBytes(V1Json), EventMetadata.Empty)]);

        var loaded = await aggregates.LoadAsync<OrderEvent, OrderState>(stream, OrderDecider.Decider.Initial, OrderDecider.Decider.Evolve);

        Assert.Equal(2, loaded.Version);
        Assert.Equal(new OrderLine("sku-1", 2, 9.5m), Assert.Single(loaded.State.Lines));
        Assert.Empty(OrderDecider.Decide(new AddItem("o1", "sku-1", 2, 9.5m, "EUR"), loaded.State)); // the same line, not a new one
        var checkout = Assert.IsType<CheckoutRequested>(Assert.Single(OrderDecider.Decide(new RequestCheckout("o1", Now), loaded.State)));
        Assert.Equal((19m, "EUR"), (checkout.Total, checkout.Currency));
        var stored = Assert.Single(await store.ReadStreamAsync(stream, new StreamReadOptions(FromVersion: 2)));
        Assert.Equal((1, V1Json), (stored.SchemaVersion, Encoding.UTF8.GetString(stored.Data.Span))); // upcast on read, never rewritten
    }
}
