using EventSourcing.Projections;
using EventSourcing.Store;
using Ordering.Contracts.Orders;

namespace Ordering.ReadModels;

/// <summary>One order as GET /api/orders/{orderId} shows it.</summary>
public sealed record OrderDetails(
    string OrderId, string CustomerId, string Status, IReadOnlyList<OrderLineView> Items, decimal Total, string Currency, long Version, DateTimeOffset UpdatedAt);

/// <summary>A line of an order.</summary>
public sealed record OrderLineView(string Sku, int Quantity, decimal UnitPrice);

/// <summary>Keeps <see cref="OrderDetails"/> per order from the order's own stream.</summary>
public sealed class OrderDetailsProjection : Projection<OrderDetails>
{
    public const string ProjectionName = "order-details";

    public override string Name => ProjectionName;

    public override string? KeyOf(object domainEvent, RecordedEvent recorded) => (domainEvent as OrderEvent)?.OrderId;

    public override OrderDetails? Apply(OrderDetails? current, object domainEvent, RecordedEvent recorded)
    {
        var next = (domainEvent, current) switch
        {
            (OrderCreated e, _) => new OrderDetails(e.OrderId, e.CustomerId, OrderStatusNames.Draft, [], 0, e.Currency, 0, recorded.Timestamp),
            (_, null) => null, // an order's first event is OrderCreated; anything else alone has nothing to attach to
            (ItemAdded e, _) => WithItems(current, [.. current.Items, new OrderLineView(e.Sku, e.Quantity, e.UnitPrice)]),
            (ItemRemoved e, _) => WithItems(current, [.. current.Items.Where(i => i.Sku != e.Sku)]),
            (CheckoutRequested, _) => current with { Status = OrderStatusNames.CheckoutRequested },
            (OrderConfirmed, _) => current with { Status = OrderStatusNames.Confirmed },
            (OrderShipped, _) => current with { Status = OrderStatusNames.Shipped },
            (OrderCancelled, _) => current with { Status = OrderStatusNames.Cancelled },
            _ => current,
        };
        return next is null ? current : next with { Version = recorded.StreamVersion, UpdatedAt = recorded.Timestamp };
    }

    private static OrderDetails WithItems(OrderDetails order, IReadOnlyList<OrderLineView> items) =>
        order with { Items = items, Total = items.Sum(i => i.Quantity * i.UnitPrice) };
}
