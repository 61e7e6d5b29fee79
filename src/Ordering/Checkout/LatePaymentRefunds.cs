using EventSourcing.Deciders;
using EventSourcing.Serialization;
using EventSourcing.Store;
using EventSourcing.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Ordering.Application;
using Ordering.Contracts.Orders;
using Ordering.Contracts.Payments;
using Ordering.Domain;
using Ordering.Domain.Orders;
using Ordering.Domain.Payments;

namespace Ordering.Checkout;

/// <summary>
/// Gives back money that arrives for an order that will never be fulfilled: a payment confirmed after its checkout
/// timed out, or after the order was cancelled. It follows the feed (no dual write) and, on every PaymentConfirmed and
/// OrderCancelled, reads both of the order's streams: a cancelled order with a confirmed payment is refunded. Whichever
/// of the two events comes later in the feed finds the other already committed, so no interleaving escapes it. The
/// refund's idempotency key is the order's and the payment decider refunds once, so a redelivered event, a second
/// host or the checkout saga's own compensation never refund twice.
/// </summary>
public sealed partial class LatePaymentRefunds(OrderingHandlers handlers, EventSerializer serializer, ILogger<LatePaymentRefunds>? logger = null) : IEventHandler
{
    public const string SubscriptionName = "late-payment-refunds";

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    // Only these can make a refund due; the rest of the feed is passed over without being read.
    private readonly HashSet<string> _relevant = [.. new[] { typeof(PaymentConfirmed), typeof(OrderCancelled) }
        .Select(type => serializer.TypeMap.GetStoredType(type).Name)];

    /// <summary>An order's events are handled in feed order, orders in parallel (as <see cref="CheckoutTrigger.OrderingKey"/>).</summary>
    public static string? OrderingKey(RecordedEvent recorded) => CheckoutTrigger.OrderingKey(recorded);

    /// <summary>The subscription's name, <see cref="SubscriptionName"/>.</summary>
    public string Name => SubscriptionName;

    /// <summary>An order's events in feed order: <see cref="OrderingKey"/>.</summary>
    public string? KeyOf(RecordedEvent recorded) => OrderingKey(recorded);

    /// <summary>The refund's idempotency key: one per order, whichever event or host issues it.</summary>
    public static string RefundKey(string orderId) => $"late-payment-refund:{orderId}";

    public async Task HandleAsync(RecordedEvent recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (!_relevant.Contains(recorded.Type)) return;
        // An unreadable event throws: the subscription retries or parks it rather than this dropping a refund.
        var orderId = serializer.Deserialize(recorded) switch
        {
            PaymentConfirmed e => e.OrderId,
            OrderCancelled e => e.OrderId,
            _ => null,
        };
        if (orderId is null) return;

        var order = await handlers.Store.LoadAsync(StreamIds.Order(orderId), OrderState.Initial,
            (OrderState s, OrderEvent e) => OrderDecider.Evolve(s, e), cancellationToken: cancellationToken);
        if (order.State.Status != OrderStatus.Cancelled) return;
        var payment = await handlers.Store.LoadAsync(StreamIds.Payment(orderId), PaymentState.Initial,
            (PaymentState s, PaymentEvent e) => PaymentDecider.Evolve(s, e), cancellationToken: cancellationToken);
        if (payment.State.Status != PaymentStatus.Confirmed) return;

        var reason = $"order cancelled: {order.State.CancellationReason}";
        var context = new CommandContext(CorrelationId: recorded.Metadata.CorrelationId, CausationId: recorded.EventId.ToString(), IdempotencyKey: RefundKey(orderId));
        var refunded = await handlers.Payments.HandleAsync(StreamIds.Payment(orderId), RefundPayment.Because(orderId, reason), context, cancellationToken);
        if (refunded.Events.Count > 0) LogRefunded(_logger, orderId, payment.State.Paid ?? 0, reason);
    }

    [LoggerMessage(LogLevel.Information, "Refunded {Amount} paid for cancelled order {OrderId}: {Reason}")]
    private static partial void LogRefunded(ILogger logger, string orderId, decimal amount, string reason);
}
