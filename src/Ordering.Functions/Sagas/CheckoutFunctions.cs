using EventSourcing.Durable;
using EventSourcing.Sagas;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Ordering.Checkout;

namespace Ordering.Functions.Sagas;

/// <summary>The checkout saga and its activities as Durable functions, named as the orchestrator calls them.</summary>
public sealed class CheckoutFunctions(CheckoutActivities activities)
{
    [Function(CheckoutSaga.Name)]
    public static Task<SagaOutcome> Checkout([OrchestrationTrigger] TaskOrchestrationContext context) =>
        DurableOrchestrationContext.RunAsync<CheckoutInput, SagaOutcome>(context, CheckoutSaga.RunAsync);

    [Function(nameof(CheckoutActivities.ReserveStock))]
    public Task ReserveStock([ActivityTrigger] StockStep step, FunctionContext context) => activities.ReserveStock(step, context.CancellationToken);

    [Function(nameof(CheckoutActivities.ReleaseStock))]
    public Task ReleaseStock([ActivityTrigger] StockStep step, FunctionContext context) => activities.ReleaseStock(step, context.CancellationToken);

    [Function(nameof(CheckoutActivities.CommitStock))]
    public Task CommitStock([ActivityTrigger] StockStep step, FunctionContext context) => activities.CommitStock(step, context.CancellationToken);

    [Function(nameof(CheckoutActivities.RequestPayment))]
    public Task<PaymentResult?> RequestPayment([ActivityTrigger] PaymentStep step, FunctionContext context) => activities.RequestPayment(step, context.CancellationToken);

    [Function(nameof(CheckoutActivities.RefundPayment))]
    public Task RefundPayment([ActivityTrigger] RefundStep step, FunctionContext context) => activities.RefundPayment(step, context.CancellationToken);

    [Function(nameof(CheckoutActivities.ConfirmOrder))]
    public Task ConfirmOrder([ActivityTrigger] OrderStep step, FunctionContext context) => activities.ConfirmOrder(step, context.CancellationToken);

    [Function(nameof(CheckoutActivities.CancelOrder))]
    public Task CancelOrder([ActivityTrigger] OrderStep step, FunctionContext context) => activities.CancelOrder(step, context.CancellationToken);
}
