using EventSourcing.Sagas;

namespace Ordering.Checkout;

/// <summary>Registers the checkout saga and its activities under the names the orchestrator calls them by.</summary>
public static class CheckoutRegistration
{
    public static OrchestrationRegistry AddCheckout(this OrchestrationRegistry registry, CheckoutActivities activities)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(activities);
        return registry
            .AddOrchestrator<CheckoutInput, SagaOutcome>(CheckoutSaga.Name, CheckoutSaga.RunAsync)
            .AddActivity<StockStep>(nameof(CheckoutActivities.ReserveStock), activities.ReserveStock)
            .AddActivity<StockStep>(nameof(CheckoutActivities.ReleaseStock), activities.ReleaseStock)
            .AddActivity<StockStep>(nameof(CheckoutActivities.CommitStock), activities.CommitStock)
            .AddActivity<PaymentStep, PaymentResult?>(nameof(CheckoutActivities.RequestPayment), activities.RequestPayment)
            .AddActivity<RefundStep>(nameof(CheckoutActivities.RefundPayment), activities.RefundPayment)
            .AddActivity<OrderStep>(nameof(CheckoutActivities.ConfirmOrder), activities.ConfirmOrder)
            .AddActivity<OrderStep>(nameof(CheckoutActivities.CancelOrder), activities.CancelOrder);
    }
}
