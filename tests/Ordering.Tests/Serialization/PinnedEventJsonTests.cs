using System.Text;
using EventSourcing.Serialization;
using EventSourcing.Store;
using Ordering.Contracts;
using Ordering.Contracts.Inventory;
using Ordering.Contracts.Orders;
using Ordering.Contracts.Payments;
using Ordering.Tests.Support;

namespace Ordering.Tests.Serialization;

/// <summary>
/// What the store holds for each event, written out by hand. A renamed property or stored name fails
/// here, so a change to stored data shows in review instead of breaking old streams.
/// </summary>
public sealed class PinnedEventJsonTests
{
    private const string At = "2025-03-14T09:26:53+00:00";
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse(At, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly EventSerializer Serializer = new(OrderingEventTypes.Create());

    public static TheoryData<object, string, int, string> Pinned() => new()
    {
        { new OrderCreated("o1", "c1", "EUR", Now), "OrderCreated", 1, $$"""{"customerId":"c1","currency":"EUR","createdAt":"{{At}}","orderId":"o1"}""" },
        { new ItemAdded("o1", "book-1", 2, 9.5m, "EUR"), "ItemAdded", 2, """{"sku":"book-1","quantity":2,"unitPrice":9.5,"currency":"EUR","orderId":"o1"}""" },
        { new ItemRemoved("o1", "book-1"), "ItemRemoved", 1, """{"sku":"book-1","orderId":"o1"}""" },
        {
            new CheckoutRequested("o1", "c1", [new OrderLine("book-1", 2, 9.5m)], 19m, "EUR", Now), "CheckoutRequested", 1,
            $$"""{"customerId":"c1","lines":[{"sku":"book-1","quantity":2,"unitPrice":9.5,"amount":19.0}],"total":19,"currency":"EUR","requestedAt":"{{At}}","orderId":"o1"}"""
        },
        { new OrderConfirmed("o1", "c1", 19m, "EUR", Now), "OrderConfirmed", 1, $$"""{"customerId":"c1","total":19,"currency":"EUR","confirmedAt":"{{At}}","orderId":"o1"}""" },
        { new OrderShipped("o1", Now), "OrderShipped", 1, $$"""{"shippedAt":"{{At}}","orderId":"o1"}""" },
        { new OrderCancelled("o1", "c1", "changed my mind", Now), "OrderCancelled", 1, $$"""{"customerId":"c1","reason":"changed my mind","cancelledAt":"{{At}}","orderId":"o1"}""" },
        { new StockAdded("book-1", 5), "StockAdded", 1, """{"quantity":5,"sku":"book-1"}""" },
        { new StockReserved("book-1", "o1", 2), "StockReserved", 1, """{"orderId":"o1","quantity":2,"sku":"book-1"}""" },
        { new ReservationReleased("book-1", "o1", 2), "ReservationReleased", 1, """{"orderId":"o1","quantity":2,"sku":"book-1"}""" },
        { new ReservationCommitted("book-1", "o1", 2), "ReservationCommitted", 1, """{"orderId":"o1","quantity":2,"sku":"book-1"}""" },
        { new PaymentRequested("o1", 19m, "EUR"), "PaymentRequested", 1, """{"amount":19,"currency":"EUR","orderId":"o1"}""" },
        { new PaymentConfirmed("o1", 19m), "PaymentConfirmed", 1, """{"amount":19,"orderId":"o1"}""" },
        { new PaymentFailed("o1", "card declined"), "PaymentFailed", 1, """{"reason":"card declined","orderId":"o1"}""" },
        { new PaymentRefunded("o1", 19m, "order cancelled"), "PaymentRefunded", 1, """{"amount":19,"reason":"order cancelled","orderId":"o1"}""" },
    };

    [Theory]
    [MemberData(nameof(Pinned))]
    public void Each_event_is_stored_under_its_declared_name_schema_and_exact_json(object @event, string type, int schemaVersion, string json)
    {
        var stored = Serializer.Serialize(@event, Guid.NewGuid(), EventMetadata.Empty);

        Assert.Equal((type, schemaVersion), (stored.Type, stored.SchemaVersion));
        Assert.Equal(json, Encoding.UTF8.GetString(stored.Data.Span));
    }

    [Theory]
    [MemberData(nameof(Pinned))]
    public void The_pinned_json_reads_back_as_the_same_event(object @event, string type, int schemaVersion, string json)
    {
        var recorded = new RecordedEvent(Guid.NewGuid(), "s-1", 1, 1, type, schemaVersion, Now, Encoding.UTF8.GetBytes(json), EventMetadata.Empty);

        var read = Serializer.Deserialize(recorded);

        Assert.True(Structural.Equal(@event, read), $"read back as {read}");
    }

    [Fact]
    public void Every_ordering_event_type_has_a_pinned_example()
    {
        var eventTypes = typeof(OrderEvent).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (t.IsSubclassOf(typeof(OrderEvent)) || t.IsSubclassOf(typeof(InventoryEvent)) || t.IsSubclassOf(typeof(PaymentEvent))))
            .Select(t => t.Name);
        var pinned = Pinned().Select(row => row.Data.Item1.GetType().Name);

        Assert.Equal(eventTypes.Order(StringComparer.Ordinal), pinned.Order(StringComparer.Ordinal));
    }
}
