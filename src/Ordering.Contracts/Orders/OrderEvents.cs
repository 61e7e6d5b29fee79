namespace Ordering.Contracts.Orders;

/// <summary>Everything that happens to an order. Every event names its order so projections can key on it.</summary>
public abstract record OrderEvent(string OrderId);

public sealed record OrderCreated(string OrderId, string CustomerId, string Currency, DateTimeOffset CreatedAt) : OrderEvent(OrderId);

/// <summary>A line added. Schema v2: v1 stored a bare <c>price</c> and no currency (see <see cref="OrderingEventTypes"/>).</summary>
public sealed record ItemAdded(string OrderId, string Sku, int Quantity, decimal UnitPrice, string Currency) : OrderEvent(OrderId);

public sealed record ItemRemoved(string OrderId, string Sku) : OrderEvent(OrderId);

/// <summary>The order is frozen and handed to the checkout saga, with what it must reserve and charge.</summary>
public sealed record CheckoutRequested(
    string OrderId, string CustomerId, IReadOnlyList<OrderLine> Lines, decimal Total, string Currency, DateTimeOffset RequestedAt) : OrderEvent(OrderId);

public sealed record OrderConfirmed(string OrderId, string CustomerId, decimal Total, string Currency, DateTimeOffset ConfirmedAt) : OrderEvent(OrderId);

public sealed record OrderShipped(string OrderId, DateTimeOffset ShippedAt) : OrderEvent(OrderId);

public sealed record OrderCancelled(string OrderId, string CustomerId, string Reason, DateTimeOffset CancelledAt) : OrderEvent(OrderId);

/// <summary>A line of an order: so many of a SKU at a unit price.</summary>
public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice)
{
    public decimal Amount => Quantity * UnitPrice;
}
