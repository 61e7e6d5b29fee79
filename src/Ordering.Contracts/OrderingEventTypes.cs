using System.Text.Json.Nodes;
using EventSourcing.Serialization;
using Ordering.Contracts.Inventory;
using Ordering.Contracts.Orders;
using Ordering.Contracts.Payments;

namespace Ordering.Contracts;

/// <summary>
/// The stored names and schema versions of every ordering event. Stored names are part of the data:
/// renaming a class must not rename what is already in the store.
/// </summary>
public static class OrderingEventTypes
{
    /// <summary>v1 of ItemAdded predates multi-currency: every order was in this currency.</summary>
    public const string LegacyCurrency = "EUR";

    public static EventTypeMap Create() => new EventTypeMap()
        .Register<OrderCreated>("OrderCreated")
        .Register<ItemAdded>("ItemAdded", schemaVersion: 2)
        .AddUpcaster("ItemAdded", fromVersion: 1, ItemAddedV1ToV2)
        .Register<ItemRemoved>("ItemRemoved")
        .Register<CheckoutRequested>("CheckoutRequested")
        .Register<OrderConfirmed>("OrderConfirmed")
        .Register<OrderShipped>("OrderShipped")
        .Register<OrderCancelled>("OrderCancelled")
        .Register<StockAdded>("StockAdded")
        .Register<StockReserved>("StockReserved")
        .Register<ReservationReleased>("ReservationReleased")
        .Register<ReservationCommitted>("ReservationCommitted")
        .Register<PaymentRequested>("PaymentRequested")
        .Register<PaymentConfirmed>("PaymentConfirmed")
        .Register<PaymentFailed>("PaymentFailed")
        .Register<PaymentRefunded>("PaymentRefunded");

    /// <summary>v1 <c>{orderId, sku, quantity, price}</c> becomes v2 <c>{orderId, sku, quantity, unitPrice, currency}</c>.</summary>
    internal static JsonObject ItemAddedV1ToV2(JsonObject v1)
    {
        var v2 = (JsonObject)v1.DeepClone();
        v2["unitPrice"] = v2["price"]?.DeepClone();
        v2.Remove("price");
        v2["currency"] = LegacyCurrency;
        return v2;
    }
}
