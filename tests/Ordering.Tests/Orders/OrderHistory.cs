using Ordering.Contracts.Orders;
using Ordering.Domain.Orders;
using Ordering.Tests.Support;

namespace Ordering.Tests.Orders;

/// <summary>One order's events at each step of its life, for Given clauses.</summary>
public static class OrderHistory
{
    public const string Id = "o1";
    public const string Customer = "c1";

    public static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public static DeciderSpec<OrderCommand, OrderEvent, OrderState> Order { get; } = new(OrderDecider.Decider);

    public static OrderCreated Created { get; } = new(Id, Customer, "EUR", Now);

    public static ItemAdded TwoBooks { get; } = new(Id, "book-1", 2, 9.5m, "EUR");

    public static CheckoutRequested CheckedOut { get; } = new(Id, Customer, [new OrderLine("book-1", 2, 9.5m)], 19m, "EUR", Now);

    public static OrderConfirmed Confirmed { get; } = new(Id, Customer, 19m, "EUR", Now);

    public static OrderShipped Shipped { get; } = new(Id, Now);

    public static OrderCancelled Cancelled { get; } = new(Id, Customer, "changed my mind", Now);
}
