using EventSourcing.Deciders;
using EventSourcing.Sagas;
using Microsoft.Extensions.Logging;

namespace Ordering.Checkout;

/// <summary>
/// Checkout: reserve every line, request payment, wait for the provider's answer racing a timer, then confirm.
/// On a refused or late payment, missing stock or a cancelled order, undo what was done, newest first, and cancel
/// the order with the reason. Each undo is registered before its step, so a step that half-happened is undone too;
/// money the provider took (even the wrong amount) is refunded when the checkout cannot finish. A payment that
/// arrives after the saga gave up is refunded by <see cref="LatePaymentRefunds"/>.
/// Deterministic: time, waits and work come from the context only.
/// </summary>
public static partial class CheckoutSaga
{
    public const string Name = "Checkout";
    public const string PaymentEvent = "PaymentResult";
    public const string CancelledEvent = "OrderCancelled";

    /// <summary>Store hiccups are worth retrying; a domain refusal (out of stock, cancelled order) is an answer.</summary>
    public static ActivityRetryPolicy Retry { get; } = new(MaxAttempts: 5, FirstRetryInterval: TimeSpan.FromMilliseconds(200))
    {
        DoNotRetry = [typeof(DomainRuleViolationException), typeof(CommandValidationException)],
    };

    /// <summary>
    /// For steps that must not be given up on after a few seconds of a store outage: the undo steps (a refund, a release,
    /// the cancellation) and the stock commit of a confirmed order. Giving up there fails the saga with money or stock
    /// kept; so they keep trying for about four minutes (doubling to one minute) before an operator has to step in.
    /// </summary>
    public static ActivityRetryPolicy MustFinish { get; } = new(MaxAttempts: 12, FirstRetryInterval: TimeSpan.FromMilliseconds(200))
    {
        MaxRetryInterval = TimeSpan.FromMinutes(1),
        DoNotRetry = Retry.DoNotRetry,
    };

    public static string InstanceId(string orderId) => $"checkout-{orderId}";

    public static async Task<SagaOutcome> RunAsync(IOrchestrationContext context, CheckoutInput input)
    {
        var log = context.CreateReplaySafeLogger(typeof(CheckoutSaga).FullName!);
        // Each undo takes the reason the checkout is undone for, known only when it is.
        var undo = new Stack<(string Activity, Func<string, object> Input)>();
        try
        {
            foreach (var line in input.Lines)
            {
                var step = new StockStep(input.OrderId, line.Sku, line.Quantity, input.Trace);
                undo.Push((nameof(CheckoutActivities.ReleaseStock), _ => step));
                context.SetCustomStatus(new CheckoutProgress("reserving", line.Sku));
                await context.CallActivityAsync(nameof(CheckoutActivities.ReserveStock), step, Retry);
            }
            context.SetCustomStatus(new CheckoutProgress("requesting-payment"));
            var known = await context.CallActivityAsync<PaymentResult?>(
                nameof(CheckoutActivities.RequestPayment), new PaymentStep(input.OrderId, input.Total, input.Currency, input.Trace), Retry);

            var (payment, refusal) = known is null ? await AwaitPaymentAsync(context, input) : (known, Refusal(known));
            if (payment?.Amount is not null)
                undo.Push((nameof(CheckoutActivities.RefundPayment), reason => new RefundStep(input.OrderId, reason, input.Trace)));
            if (refusal is not null) return await CompensateAsync(context, undo, input, refusal);
            await context.CallActivityAsync(nameof(CheckoutActivities.ConfirmOrder), new OrderStep(input.OrderId, input.Trace), Retry);
        }
        catch (ActivityFailedException failure)
        {
            return await CompensateAsync(context, undo, input, failure.ErrorMessage);
        }

        // Confirmed: the reserved stock now leaves the shelf. Nothing is undone past this point.
        foreach (var line in input.Lines)
            await context.CallActivityAsync(nameof(CheckoutActivities.CommitStock), new StockStep(input.OrderId, line.Sku, line.Quantity, input.Trace), MustFinish);
        context.SetCustomStatus(new CheckoutProgress("confirmed"));
        LogConfirmed(log, input.OrderId);
        return SagaOutcome.Completed;
    }

    /// <summary>
    /// The provider's answer if it came in time, and why checkout cannot go on (null when paid). The losing waits and
    /// the timer are cancelled.
    /// </summary>
    private static async Task<(PaymentResult? Payment, string? Refusal)> AwaitPaymentAsync(IOrchestrationContext context, CheckoutInput input)
    {
        context.SetCustomStatus(new CheckoutProgress("awaiting-payment"));
        using var cancel = new CancellationTokenSource();
        var payment = context.WaitForExternalEvent<PaymentResult>(PaymentEvent, cancel.Token);
        var cancelled = context.WaitForExternalEvent<OrderCancellation>(CancelledEvent, cancel.Token);
        var timeout = context.CreateTimer(context.CurrentUtcDateTime + input.PaymentTimeout, cancel.Token);
        var winner = await Task.WhenAny(payment, cancelled, timeout);
        // Cancel, not CancelAsync: the losers must be cancelled on the orchestrator's thread, in this step.
#pragma warning disable CA1849
        cancel.Cancel();
#pragma warning restore CA1849
        if (winner == payment) return (await payment, Refusal(await payment));
        if (winner == cancelled) return (null, $"order cancelled: {(await cancelled).Reason}");
        return (null, $"payment timed out after {input.PaymentTimeout}");
    }

    private static string? Refusal(PaymentResult payment) => payment.Succeeded ? null : $"payment failed: {payment.Reason}";

    private static async Task<SagaOutcome> CompensateAsync(
        IOrchestrationContext context, Stack<(string Activity, Func<string, object> Input)> undo, CheckoutInput input, string reason)
    {
        context.SetCustomStatus(new CheckoutProgress("compensating", reason));
        while (undo.TryPop(out var step)) await context.CallActivityAsync(step.Activity, step.Input(reason), MustFinish);
        await context.CallActivityAsync(nameof(CheckoutActivities.CancelOrder), new OrderStep(input.OrderId, input.Trace, reason), MustFinish);
        context.SetCustomStatus(new CheckoutProgress("compensated", reason));
        LogCompensated(context.CreateReplaySafeLogger(typeof(CheckoutSaga).FullName!), input.OrderId, reason);
        return SagaOutcome.CompensatedBecause(reason);
    }

    [LoggerMessage(LogLevel.Information, "Checkout of order {OrderId} confirmed")]
    private static partial void LogConfirmed(ILogger logger, string orderId);

    [LoggerMessage(LogLevel.Information, "Checkout of order {OrderId} compensated: {Reason}")]
    private static partial void LogCompensated(ILogger logger, string orderId, string reason);
}
