using EventSourcing.Hosting;
using Ordering.Checkout;
using Ordering.ReadModels;

namespace Ordering;

/// <summary>The ordering domain's parts as the building blocks add them, so both hosts add the same ones.</summary>
public static class OrderingBuildingBlocks
{
    /// <summary>Every read model of the ordering domain (<see cref="OrderingReadModels.All"/>).</summary>
    public static EventSourcingBuilder AddOrderingReadModels(this EventSourcingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var projection in OrderingReadModels.All) builder.AddProjection(projection);
        return builder;
    }

    /// <summary>
    /// The checkout saga and the two subscriptions that follow the feed for it: the trigger that starts and feeds checkouts,
    /// and the refunds of payments that arrive for cancelled orders. For a host whose process runs sagas and subscribers.
    /// </summary>
    public static EventSourcingBuilder AddCheckoutSagas(this EventSourcingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddSaga<CheckoutSagaDefinition>()
            .AddSubscription<CheckoutTrigger>()
            .AddSubscription<LatePaymentRefunds>();
    }
}
