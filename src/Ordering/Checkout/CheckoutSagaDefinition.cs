using EventSourcing.Sagas;

namespace Ordering.Checkout;

/// <summary>The checkout saga as the building blocks add it: its orchestrator and activities, the activities from DI.</summary>
public sealed class CheckoutSagaDefinition(CheckoutActivities activities) : ISagaDefinition
{
    /// <summary>Adds the checkout orchestrator and its activities (<see cref="CheckoutRegistration.AddCheckout"/>).</summary>
    public void Register(OrchestrationRegistry registry) => registry.AddCheckout(activities);
}
