namespace Ordering.Domain.Payments;

/// <summary>Everything that happens to an order's payment.</summary>
public abstract record PaymentEvent(string OrderId);

public sealed record PaymentRequested(string OrderId, decimal Amount, string Currency) : PaymentEvent(OrderId);

public sealed record PaymentConfirmed(string OrderId, decimal Amount) : PaymentEvent(OrderId);

public sealed record PaymentFailed(string OrderId, string Reason) : PaymentEvent(OrderId);

/// <summary>What can be asked of an order's payment.</summary>
public abstract record PaymentCommand(string OrderId);

public sealed record RequestPayment(string OrderId, decimal Amount, string Currency) : PaymentCommand(OrderId);

/// <summary>The provider's callback: the money arrived.</summary>
public sealed record ConfirmPayment(string OrderId, decimal Amount) : PaymentCommand(OrderId);

/// <summary>The provider's callback: the payment was refused.</summary>
public sealed record FailPayment(string OrderId, string Reason) : PaymentCommand(OrderId);
