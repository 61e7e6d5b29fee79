using EventSourcing.Deciders;
using Ordering.Contracts.Payments;
using static Ordering.Domain.DomainRules;

namespace Ordering.Domain.Payments;

public enum PaymentStatus
{
    None,
    Requested,
    Confirmed,
    Failed,
    Refunded,
}

/// <summary>An order's payment as its events leave it.</summary>
/// <param name="FailureReason">Why the provider refused it, once it has.</param>
public sealed record PaymentState(PaymentStatus Status, decimal? Requested, string? Currency, decimal? Paid, string? FailureReason = null)
{
    public static PaymentState Initial { get; } = new(PaymentStatus.None, null, null, null);
}

/// <summary>
/// A payment ends once: confirmed or failed. Providers deliver callbacks at least once and sometimes
/// before our request is recorded, so a callback is accepted in any open state and repeated ones add nothing.
/// A confirmed payment may be refunded, in full and once: the refund is what the money's story ends with.
/// </summary>
public static class PaymentDecider
{
    public static Decider<PaymentCommand, PaymentEvent, PaymentState> Decider { get; } = new(Decide, Evolve, PaymentState.Initial);

    public static IReadOnlyList<PaymentEvent> Decide(PaymentCommand command, PaymentState state) => command switch
    {
        RequestPayment r => Request(r, state),
        ConfirmPayment c => Confirm(c, state),
        FailPayment f => Fail(f, state),
        RefundPayment r => Refund(r, state),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown payment command."),
    };

    public static PaymentState Evolve(PaymentState state, PaymentEvent e) => e switch
    {
        PaymentRequested r => state with { Status = state.Status == PaymentStatus.None ? PaymentStatus.Requested : state.Status, Requested = r.Amount, Currency = r.Currency },
        PaymentConfirmed c => state with { Status = PaymentStatus.Confirmed, Paid = c.Amount },
        PaymentFailed f => state with { Status = PaymentStatus.Failed, FailureReason = f.Reason },
        PaymentRefunded => state with { Status = PaymentStatus.Refunded },
        _ => state,
    };

    private static PaymentEvent[] Request(RequestPayment r, PaymentState state)
    {
        PositiveAmount(r.Amount, "amount");
        Currency(r.Currency);
        if (state.Requested is null) return [new PaymentRequested(r.OrderId, r.Amount, r.Currency)];
        if (state.Requested == r.Amount && state.Currency == r.Currency) return [];
        throw Violation("payment-exists", $"A payment of {state.Requested} {state.Currency} was already requested for order '{r.OrderId}'.");
    }

    private static PaymentEvent[] Confirm(ConfirmPayment c, PaymentState state)
    {
        PositiveAmount(c.Amount, "amount");
        return state.Status switch
        {
            PaymentStatus.Confirmed or PaymentStatus.Refunded when state.Paid == c.Amount => [],
            PaymentStatus.Confirmed => throw Violation("payment-already-confirmed", $"The payment for order '{c.OrderId}' was confirmed for {state.Paid}."),
            PaymentStatus.Refunded => throw Refunded(c.OrderId),
            PaymentStatus.Failed => throw Violation("payment-already-failed", $"The payment for order '{c.OrderId}' has failed."),
            PaymentStatus.Requested when state.Requested != c.Amount =>
                throw Violation("amount-mismatch", $"Order '{c.OrderId}' asked for {state.Requested} {state.Currency}, not {c.Amount}."),
            _ => [new PaymentConfirmed(c.OrderId, c.Amount)],
        };
    }

    private static PaymentEvent[] Fail(FailPayment f, PaymentState state)
    {
        Text(f.Reason, "reason", 500);
        return state.Status switch
        {
            PaymentStatus.Failed => [],
            PaymentStatus.Confirmed => throw Violation("payment-already-confirmed", $"The payment for order '{f.OrderId}' was already confirmed."),
            PaymentStatus.Refunded => throw Refunded(f.OrderId),
            _ => [new PaymentFailed(f.OrderId, f.Reason)],
        };
    }

    private static PaymentEvent[] Refund(RefundPayment r, PaymentState state)
    {
        Text(r.Reason, "reason", RefundPayment.MaxReasonLength);
        return state.Status switch
        {
            PaymentStatus.Confirmed => [new PaymentRefunded(r.OrderId, state.Paid!.Value, r.Reason)],
            PaymentStatus.Refunded => [],
            _ => throw Violation("payment-not-confirmed", $"The payment for order '{r.OrderId}' is {state.Status}; only a confirmed payment is refunded."),
        };
    }

    private static DomainRuleViolationException Refunded(string orderId) =>
        Violation("payment-refunded", $"The payment for order '{orderId}' was refunded.");
}
