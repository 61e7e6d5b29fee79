namespace Ordering.Contracts.Payments;

/// <summary>Everything that happens to an order's payment.</summary>
public abstract record PaymentEvent(string OrderId);

public sealed record PaymentRequested(string OrderId, decimal Amount, string Currency) : PaymentEvent(OrderId);

public sealed record PaymentConfirmed(string OrderId, decimal Amount) : PaymentEvent(OrderId);

public sealed record PaymentFailed(string OrderId, string Reason) : PaymentEvent(OrderId);

/// <summary>The money of a confirmed payment was given back: its order will not be fulfilled.</summary>
public sealed record PaymentRefunded(string OrderId, decimal Amount, string Reason) : PaymentEvent(OrderId);
