using EventSourcing.Catalog;
using EventSourcing.Sagas.History;
using EventSourcing.Serialization;
using Ordering.Contracts.Inventory;
using Ordering.Contracts.Orders;
using Ordering.Contracts.Payments;

namespace Ordering.Contracts;

/// <summary>
/// The event catalog of the ordering backend: what each ordering event means, with an example, and the saga history
/// the local host's embedded saga runner stores in <c>saga-{id}</c> streams (the Functions app keeps it in Durable
/// Functions instead), so every event a subscriber can meet in the store is described.
/// </summary>
public static class OrderingEventCatalog
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    /// <summary>The catalog generated from <see cref="OrderingEventTypes"/> and the saga history's type map.</summary>
    public static EventCatalog Create() => EventCatalogGenerator.Generate(
        new EventCatalogSource(new EventSerializer(OrderingEventTypes.Create()), Descriptions()),
        new EventCatalogSource(SagaHistory.CreateSerializer(), SagaHistoryDescriptions.Create()));

    /// <summary>What each ordering event means, with an example of its data.</summary>
    public static EventDescriptions Descriptions() => new EventDescriptions()
        .Describe("A customer opened an order in a currency; it has no lines yet.", new OrderCreated("o-1001", "c-42", "EUR", At))
        .DescribeFormerShape(
            "ItemAdded", 1, "A line was added to an open order, priced before orders had a currency (always EUR); read as v2.",
            new ItemAddedV1("o-1001", "book-1", 2, 9.5m))
        .Describe("A line was added to an open order: so many of a SKU at a unit price in the order's currency.", new ItemAdded("o-1001", "book-1", 2, 9.5m, "EUR"))
        .Describe("Every line of a SKU was removed from an open order.", new ItemRemoved("o-1001", "book-1"))
        .Describe(
            "The customer checked out: the order is frozen and the checkout saga must reserve these lines and charge the total.",
            new CheckoutRequested("o-1001", "c-42", [new OrderLine("book-1", 2, 9.5m)], 19m, "EUR", At))
        .Describe("Stock was reserved and the payment arrived: the order is confirmed for the total.", new OrderConfirmed("o-1001", "c-42", 19m, "EUR", At))
        .Describe("A confirmed order left the warehouse.", new OrderShipped("o-1001", At))
        .Describe("The order was cancelled, by the customer or by a failed or timed-out checkout, with the reason.", new OrderCancelled("o-1001", "c-42", "payment timed out", At))
        .Describe("Units of a SKU were put on the shelf (a restock).", new StockAdded("book-1", 10))
        .Describe("Units of a SKU were set aside for an order's checkout.", new StockReserved("book-1", "o-1001", 2))
        .Describe("An order's reservation of a SKU was given back to the shelf (its checkout failed or was cancelled).", new ReservationReleased("book-1", "o-1001", 2))
        .Describe("An order's reservation turned into a sale: the units leave the shelf for good.", new ReservationCommitted("book-1", "o-1001", 2))
        .Describe("The backend asked the payment provider to charge an order's total.", new PaymentRequested("o-1001", 19m, "EUR"))
        .Describe("The payment provider reported the money arrived.", new PaymentConfirmed("o-1001", 19m))
        .Describe("The payment provider refused the payment, with its reason.", new PaymentFailed("o-1001", "card declined"))
        .Describe(
            "A confirmed payment was given back in full: a later checkout step failed, or it arrived after the order was cancelled or timed out.",
            new PaymentRefunded("o-1001", 19m, "order cancelled"));
}
