namespace Ordering.Domain.Payments;

/// <summary>What can be asked of an order's payment.</summary>
public abstract record PaymentCommand(string OrderId);

public sealed record RequestPayment(string OrderId, decimal Amount, string Currency) : PaymentCommand(OrderId);

/// <summary>The provider's callback: the money arrived.</summary>
public sealed record ConfirmPayment(string OrderId, decimal Amount) : PaymentCommand(OrderId);

/// <summary>The provider's callback: the payment was refused.</summary>
public sealed record FailPayment(string OrderId, string Reason) : PaymentCommand(OrderId);

/// <summary>The backend gives a confirmed payment back in full (no HTTP route: it is issued for cancelled orders).</summary>
public sealed record RefundPayment(string OrderId, string Reason) : PaymentCommand(OrderId)
{
    public const int MaxReasonLength = 500;

    /// <summary>
    /// A refund whose reason quotes another (a cancellation's, a failed step's), cut to what a refund keeps: a long
    /// quoted reason must not make the refund itself invalid and leave the money kept.
    /// </summary>
    public static RefundPayment Because(string orderId, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return new(orderId, reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength]);
    }
}
