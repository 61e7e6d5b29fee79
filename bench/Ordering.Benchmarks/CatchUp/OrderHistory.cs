using EventSourcing.Serialization;
using EventSourcing.Store;
using Ordering.Contracts.Inventory;
using Ordering.Contracts.Orders;
using Ordering.Contracts.Payments;
using Ordering.Domain;

namespace Ordering.Benchmarks.CatchUp;

/// <summary>
/// A shop's history as the backend would have written it: per order ten events over its order, inventory and payment
/// streams (created, two lines, checkout, two reservations, paid, confirmed, two commits), one order in ten refused
/// and cancelled instead. Every event goes through the domain serializer, so the bytes are the stored shape.
/// </summary>
internal sealed class OrderHistory(EventSerializer serializer)
{
    public const int EventsPerOrder = 10;
    public const int Skus = 50;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Sku(int s) => $"sku-{s:D2}";

    public static string OrderId(int o) => $"o-{o:D5}";

    /// <summary>Stock for every SKU, before any order.</summary>
    public (string StreamId, EventData[] Events)[] Stock() =>
        [.. Enumerable.Range(0, Skus).Select(s => (StreamIds.Inventory(Sku(s)), new[] { Serialize(new StockAdded(Sku(s), 1_000_000), "stock") }))];

    /// <summary>The appends of order <paramref name="o"/>, in the order the backend would make them.</summary>
    public IEnumerable<(string StreamId, EventData[] Events)> Appends(int o)
    {
        var (orderId, customerId, at) = (OrderId(o), $"c-{o % 2_000:D4}", Start.AddSeconds(o));
        var lines = new[] { new OrderLine(Sku(o % Skus), 1 + o % 3, 12.50m), new OrderLine(Sku((o * 7 + 1) % Skus), 1, 4.99m) };
        var total = lines.Sum(l => l.Amount);
        var correlation = $"bench-{orderId}";
        var order = StreamIds.Order(orderId);

        yield return (order,
        [
            Serialize(new OrderCreated(orderId, customerId, "EUR", at), correlation),
            .. lines.Select(l => Serialize(new ItemAdded(orderId, l.Sku, l.Quantity, l.UnitPrice, "EUR"), correlation)),
            Serialize(new CheckoutRequested(orderId, customerId, lines, total, "EUR", at.AddMinutes(1)), correlation),
        ]);
        foreach (var l in lines) yield return (StreamIds.Inventory(l.Sku), [Serialize(new StockReserved(l.Sku, orderId, l.Quantity), correlation)]);

        var refused = o % 10 == 9;
        yield return (StreamIds.Payment(orderId), [Serialize(refused ? new PaymentFailed(orderId, "card declined") : new PaymentConfirmed(orderId, total), correlation)]);
        yield return (order, [Serialize(refused
            ? new OrderCancelled(orderId, customerId, "payment failed: card declined", at.AddMinutes(2))
            : new OrderConfirmed(orderId, customerId, total, "EUR", at.AddMinutes(2)), correlation)]);
        foreach (var l in lines)
            yield return (StreamIds.Inventory(l.Sku), [Serialize(refused
                ? new ReservationReleased(l.Sku, orderId, l.Quantity)
                : new ReservationCommitted(l.Sku, orderId, l.Quantity), correlation)]);
    }

    private EventData Serialize(object domainEvent, string correlationId) =>
        serializer.Serialize(domainEvent, Guid.CreateVersion7(), new EventMetadata(correlationId));
}
