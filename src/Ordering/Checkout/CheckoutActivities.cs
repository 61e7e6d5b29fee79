using EventSourcing.Deciders;
using Ordering.Application;
using Ordering.Domain;
using Ordering.Domain.Inventory;
using Ordering.Domain.Orders;
using Ordering.Domain.Payments;

namespace Ordering.Checkout;

/// <summary>
/// The checkout saga's steps: each one command through the command handler. Every step may run more than once
/// (retries, a restart mid-step): the deciders make repeats add nothing, and the idempotency key per step makes a
/// repeat after an undo (reserve, release, reserve again by a stale retry) recognised by its event ids.
/// </summary>
public sealed class CheckoutActivities(OrderingHandlers handlers, TimeProvider clock)
{
    public Task ReserveStock(StockStep step, CancellationToken cancellationToken) =>
        handlers.Stock.HandleAsync(StreamIds.Inventory(step.Sku), new ReserveStock(step.Sku, step.OrderId, step.Quantity),
            Context(step.Trace, $"{step.OrderId}:reserve:{step.Sku}"), cancellationToken);

    public Task ReleaseStock(StockStep step, CancellationToken cancellationToken) =>
        handlers.Stock.HandleAsync(StreamIds.Inventory(step.Sku), new ReleaseReservation(step.Sku, step.OrderId),
            Context(step.Trace, $"{step.OrderId}:release:{step.Sku}"), cancellationToken);

    public Task CommitStock(StockStep step, CancellationToken cancellationToken) =>
        handlers.Stock.HandleAsync(StreamIds.Inventory(step.Sku), new CommitReservation(step.Sku, step.OrderId),
            Context(step.Trace, $"{step.OrderId}:commit:{step.Sku}"), cancellationToken);

    /// <summary>
    /// Asks for the payment and answers what the payment stream already knows: the provider may have called back before
    /// the saga waits (or, on Cosmos, its callback may reach the saga's trigger before the checkout does). Null: still open.
    /// </summary>
    public async Task<PaymentResult?> RequestPayment(PaymentStep step, CancellationToken cancellationToken)
    {
        var payment = (await handlers.Payments.HandleAsync(StreamIds.Payment(step.OrderId), new RequestPayment(step.OrderId, step.Amount, step.Currency),
            Context(step.Trace, $"{step.OrderId}:request-payment"), cancellationToken)).State;
        return payment.Status switch
        {
            PaymentStatus.Confirmed when payment.Paid == step.Amount => new PaymentResult(true, payment.Paid, null),
            PaymentStatus.Confirmed => new PaymentResult(false, payment.Paid, $"{payment.Paid} {step.Currency} was paid, not {step.Amount}"),
            PaymentStatus.Failed => new PaymentResult(false, null, payment.FailureReason),
            PaymentStatus.Refunded => new PaymentResult(false, null, "the payment was refunded"),
            _ => null,
        };
    }

    /// <summary>Gives a confirmed payment back in full; one already refunded is left as it is.</summary>
    public Task RefundPayment(RefundStep step, CancellationToken cancellationToken) =>
        handlers.Payments.HandleAsync(StreamIds.Payment(step.OrderId), Domain.Payments.RefundPayment.Because(step.OrderId, step.Reason),
            Context(step.Trace, $"{step.OrderId}:refund"), cancellationToken);

    public Task ConfirmOrder(OrderStep step, CancellationToken cancellationToken) =>
        handlers.Orders.HandleAsync(StreamIds.Order(step.OrderId), new ConfirmOrder(step.OrderId, clock.GetUtcNow()),
            Context(step.Trace, $"{step.OrderId}:confirm"), cancellationToken);

    public Task CancelOrder(OrderStep step, CancellationToken cancellationToken) =>
        handlers.Orders.HandleAsync(StreamIds.Order(step.OrderId), new CancelOrder(step.OrderId, step.Reason ?? "checkout failed", clock.GetUtcNow()),
            Context(step.Trace, $"{step.OrderId}:cancel"), cancellationToken);

    private static CommandContext Context(SagaTrace trace, string step) =>
        new(CorrelationId: trace.CorrelationId, CausationId: trace.CausationId, IdempotencyKey: "checkout:" + step);
}
