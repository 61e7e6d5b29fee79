using EventSourcing.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ordering.Application;
using Ordering.Checkout;
using Ordering.Contracts;

namespace Ordering.Http;

/// <summary>
/// The application both hosts serve, over whichever stores they registered: use cases, queries, the HTTP pipeline,
/// checkout steps and late-payment refunds (each host feeds them from its own feed).
/// </summary>
public static class OrderingApplication
{
    public static IServiceCollection AddOrderingApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEventSourcingHttp();
        services.AddSingleton(new ReadYourWrites(configuration.GetValue("Api:ReadYourWritesTimeout", TimeSpan.FromSeconds(5))));
        services.AddSingleton<OrderingHandlers>();
        services.AddSingleton<OrderingCommands>();
        services.AddSingleton<OrderingQueries>();
        services.AddSingleton(_ => OrderingEventCatalog.Create());
        services.AddSingleton(new CheckoutOptions { PaymentTimeout = configuration.GetValue("Checkout:PaymentTimeout", TimeSpan.FromMinutes(15)) });
        services.TryAddSingleton<CheckoutActivities>(); // AddCheckoutSagas may have added them already
        services.TryAddSingleton<LatePaymentRefunds>();
        return services;
    }
}
