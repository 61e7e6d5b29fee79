using EventSourcing.Deciders;
using Ordering.Contracts.Orders;
using static Ordering.Domain.DomainRules;

namespace Ordering.Domain.Orders;

/// <summary>Where an order is in its life.</summary>
public enum OrderStatus
{
    None,
    Draft,
    CheckoutRequested,
    Confirmed,
    Shipped,
    Cancelled,
}

/// <summary>An order as its events leave it.</summary>
/// <param name="CancellationReason">Why it was cancelled, once it has been.</param>
public sealed record OrderState(OrderStatus Status, string CustomerId, string Currency, IReadOnlyList<OrderLine> Lines, string? CancellationReason = null)
{
    public static OrderState Initial { get; } = new(OrderStatus.None, "", "", []);

    public decimal Total => Lines.Sum(l => l.Amount);
}

/// <summary>
/// The order's rules: lines change only while it is a draft, checkout needs a line, shipping needs a
/// confirmation, a confirmed or shipped order cannot be cancelled. Repeating a command that already took effect
/// adds nothing, so client retries are safe.
/// </summary>
public static class OrderDecider
{
    public static Decider<OrderCommand, OrderEvent, OrderState> Decider { get; } = new(Decide, Evolve, OrderState.Initial);

    public static IReadOnlyList<OrderEvent> Decide(OrderCommand command, OrderState state)
    {
        if (command is CreateOrder create) return Create(create, state);
        if (state.Status == OrderStatus.None) throw Violation("order-not-found", $"Order '{command.OrderId}' does not exist.");
        return command switch
        {
            AddItem add => Add(add, state),
            RemoveItem remove => Remove(remove, state),
            RequestCheckout checkout => RequestCheckout(checkout, state),
            ConfirmOrder confirm => Confirm(confirm, state),
            ShipOrder ship => Ship(ship, state),
            CancelOrder cancel => Cancel(cancel, state),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown order command."),
        };
    }

    public static OrderState Evolve(OrderState state, OrderEvent e) => e switch
    {
        OrderCreated c => new OrderState(OrderStatus.Draft, c.CustomerId, c.Currency, []),
        ItemAdded a => state with { Lines = [.. state.Lines, new OrderLine(a.Sku, a.Quantity, a.UnitPrice)] },
        ItemRemoved r => state with { Lines = [.. state.Lines.Where(l => l.Sku != r.Sku)] },
        CheckoutRequested => state with { Status = OrderStatus.CheckoutRequested },
        OrderConfirmed => state with { Status = OrderStatus.Confirmed },
        OrderShipped => state with { Status = OrderStatus.Shipped },
        OrderCancelled c => state with { Status = OrderStatus.Cancelled, CancellationReason = c.Reason },
        _ => state,
    };

    private static OrderEvent[] Create(CreateOrder c, OrderState state)
    {
        Text(c.CustomerId, "customerId");
        Currency(c.Currency);
        if (state.Status == OrderStatus.None) return [new OrderCreated(c.OrderId, c.CustomerId, c.Currency, c.CreatedAt)];
        if (state.CustomerId == c.CustomerId && state.Currency == c.Currency) return [];
        throw Violation("order-exists", $"Order '{c.OrderId}' already exists for another customer or currency.");
    }

    private static OrderEvent[] Add(AddItem a, OrderState state)
    {
        Sku(a.Sku);
        PositiveQuantity(a.Quantity);
        NotNegative(a.UnitPrice, "unitPrice");
        if (a.Currency is not null) Currency(a.Currency);
        EnsureDraft(state, a.OrderId);
        if (a.Currency is not null && a.Currency != state.Currency)
            throw Violation("currency-mismatch", $"Order '{a.OrderId}' is in {state.Currency}, not {a.Currency}.");
        var existing = state.Lines.FirstOrDefault(l => l.Sku == a.Sku);
        if (existing is null) return [new ItemAdded(a.OrderId, a.Sku, a.Quantity, a.UnitPrice, state.Currency)];
        if (existing.Quantity == a.Quantity && existing.UnitPrice == a.UnitPrice) return [];
        throw Violation("line-exists", $"Order '{a.OrderId}' already has a different line for '{a.Sku}'; remove it first.");
    }

    private static OrderEvent[] Remove(RemoveItem r, OrderState state)
    {
        Sku(r.Sku);
        EnsureDraft(state, r.OrderId);
        return state.Lines.Any(l => l.Sku == r.Sku) ? [new ItemRemoved(r.OrderId, r.Sku)] : [];
    }

    private static OrderEvent[] RequestCheckout(RequestCheckout c, OrderState state) => state.Status switch
    {
        OrderStatus.Draft when state.Lines.Count == 0 => throw Violation("order-empty", $"Order '{c.OrderId}' has no lines to check out."),
        OrderStatus.Draft => [new CheckoutRequested(c.OrderId, state.CustomerId, state.Lines, state.Total, state.Currency, c.RequestedAt)],
        OrderStatus.Cancelled => throw Cancelled(c.OrderId),
        _ => [],
    };

    private static OrderEvent[] Confirm(ConfirmOrder c, OrderState state) => state.Status switch
    {
        OrderStatus.CheckoutRequested => [new OrderConfirmed(c.OrderId, state.CustomerId, state.Total, state.Currency, c.ConfirmedAt)],
        OrderStatus.Confirmed or OrderStatus.Shipped => [],
        OrderStatus.Cancelled => throw Cancelled(c.OrderId),
        _ => throw Violation("checkout-not-requested", $"Order '{c.OrderId}' has not been checked out."),
    };

    private static OrderEvent[] Ship(ShipOrder s, OrderState state) => state.Status switch
    {
        OrderStatus.Confirmed => [new OrderShipped(s.OrderId, s.ShippedAt)],
        OrderStatus.Shipped => [],
        OrderStatus.Cancelled => throw Cancelled(s.OrderId),
        _ => throw Violation("order-not-confirmed", $"Order '{s.OrderId}' is {state.Status}; only a confirmed order ships."),
    };

    private static OrderEvent[] Cancel(CancelOrder c, OrderState state)
    {
        Text(c.Reason, "reason", 500);
        return state.Status switch
        {
            OrderStatus.Cancelled => [],
            // Confirmed means paid and the stock taken for shipping: undoing that is a return, not a cancellation.
            OrderStatus.Confirmed => throw Violation("order-confirmed", $"Order '{c.OrderId}' is confirmed: it has been paid and its stock taken, so it can no longer be cancelled."),
            OrderStatus.Shipped => throw Violation("order-shipped", $"Order '{c.OrderId}' has shipped and can no longer be cancelled."),
            _ => [new OrderCancelled(c.OrderId, state.CustomerId, c.Reason, c.CancelledAt)],
        };
    }

    private static void EnsureDraft(OrderState state, string orderId)
    {
        if (state.Status == OrderStatus.Cancelled) throw Cancelled(orderId);
        if (state.Status != OrderStatus.Draft)
            throw Violation("order-not-editable", $"Order '{orderId}' is {state.Status}; lines change only before checkout.");
    }

    private static DomainRuleViolationException Cancelled(string orderId) => Violation("order-cancelled", $"Order '{orderId}' is cancelled.");
}
