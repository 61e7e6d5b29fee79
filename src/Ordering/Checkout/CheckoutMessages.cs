using Ordering.Contracts.Orders;

namespace Ordering.Checkout;

/// <summary>What the checkout saga is started with: the frozen order, how long to wait for payment, and its cause.</summary>
public sealed record CheckoutInput(
    string OrderId, string CustomerId, IReadOnlyList<OrderLine> Lines, decimal Total, string Currency, TimeSpan PaymentTimeout, SagaTrace Trace);

/// <summary>The request that started checkout (correlation) and the event that did (causation), for every event the saga causes.</summary>
public sealed record SagaTrace(string? CorrelationId, string? CausationId);

public sealed record StockStep(string OrderId, string Sku, int Quantity, SagaTrace Trace);

public sealed record PaymentStep(string OrderId, decimal Amount, string Currency, SagaTrace Trace);

public sealed record OrderStep(string OrderId, SagaTrace Trace, string? Reason = null);

/// <summary>Gives the order's confirmed payment back because the checkout is undone, for <paramref name="Reason"/>.</summary>
public sealed record RefundStep(string OrderId, string Reason, SagaTrace Trace);

/// <summary>The payment provider's answer, raised to the saga from the payment stream.</summary>
public sealed record PaymentResult(bool Succeeded, decimal? Amount, string? Reason);

/// <summary>The order was cancelled while the saga ran, raised to it from the order stream.</summary>
public sealed record OrderCancellation(string Reason);

/// <summary>Where checkout is, for status queries.</summary>
public sealed record CheckoutProgress(string Stage, string? Detail = null);

/// <summary>Checkout settings (<c>Checkout:PaymentTimeout</c>).</summary>
public sealed record CheckoutOptions
{
    public TimeSpan PaymentTimeout { get; init; } = TimeSpan.FromMinutes(15);
}
