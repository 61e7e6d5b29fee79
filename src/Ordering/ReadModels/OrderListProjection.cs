using EventSourcing.Projections;
using EventSourcing.Store;
using Ordering.Contracts.Orders;

namespace Ordering.ReadModels;

/// <summary>An order as the list GET /api/orders shows it, filtered by customer and status.</summary>
/// <param name="LineTotals">Amount per SKU, so removing a line can take its amount off the total.</param>
public sealed record OrderSummary(
    string OrderId, string CustomerId, string Status, IReadOnlyDictionary<string, decimal> LineTotals, decimal Total, string Currency,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Keeps <see cref="OrderSummary"/> per order, indexed by customer and status.</summary>
public sealed class OrderListProjection : Projection<OrderSummary>
{
    public const string ProjectionName = "order-list";

    public override string Name => ProjectionName;

    public override IReadOnlyList<string> IndexedProperties { get; } = ["customerId", "status"];

    public override string? KeyOf(object domainEvent, RecordedEvent recorded) => (domainEvent as OrderEvent)?.OrderId;

    public override OrderSummary? Apply(OrderSummary? current, object domainEvent, RecordedEvent recorded)
    {
        var next = (domainEvent, current) switch
        {
            (OrderCreated e, _) => new OrderSummary(
                e.OrderId, e.CustomerId, OrderStatusNames.Draft, new Dictionary<string, decimal>(), 0, e.Currency, recorded.Timestamp, recorded.Timestamp),
            (_, null) => null,
            (ItemAdded e, _) => WithLines(current, new Dictionary<string, decimal>(current.LineTotals) { [e.Sku] = e.Quantity * e.UnitPrice }),
            (ItemRemoved e, _) => WithLines(current, current.LineTotals.Where(l => l.Key != e.Sku).ToDictionary()),
            (CheckoutRequested, _) => current with { Status = OrderStatusNames.CheckoutRequested },
            (OrderConfirmed, _) => current with { Status = OrderStatusNames.Confirmed },
            (OrderShipped, _) => current with { Status = OrderStatusNames.Shipped },
            (OrderCancelled, _) => current with { Status = OrderStatusNames.Cancelled },
            _ => current,
        };
        return next is null ? current : next with { UpdatedAt = recorded.Timestamp };
    }

    private static OrderSummary WithLines(OrderSummary order, IReadOnlyDictionary<string, decimal> lines) =>
        order with { LineTotals = lines, Total = lines.Values.Sum() };
}
