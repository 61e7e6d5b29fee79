using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ordering.Application;
using Ordering.Checkout;
using Ordering.Contracts;
using Ordering.Http.Pipeline;

namespace Ordering.Http;

/// <summary>
/// The application both hosts serve, over whichever stores they registered: use cases, queries, the HTTP pipeline,
/// checkout steps and late-payment refunds (each host feeds them from its own feed).
/// </summary>
public static class OrderingApplication
{
    public static IServiceCollection AddOrderingApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ApiOptions());
        services.TryAddSingleton(CallerCredential.None); // a host with authentication registers its own first
        services.AddSingleton<ApiPipeline>();
        services.AddSingleton(new ReadYourWrites(configuration.GetValue("Api:ReadYourWritesTimeout", TimeSpan.FromSeconds(5))));
        services.AddSingleton<OrderingHandlers>();
        services.AddSingleton<OrderingCommands>();
        services.AddSingleton<OrderingQueries>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<EventFeed>(); // over the IEventFeedReader of the host's store
        services.AddSingleton(_ => OrderingEventCatalog.Create());
        services.AddSingleton<CorrelationTrace>(); // over the ICorrelationIndex of the host's store
        services.AddSingleton(new CheckoutOptions { PaymentTimeout = configuration.GetValue("Checkout:PaymentTimeout", TimeSpan.FromMinutes(15)) });
        services.AddSingleton<CheckoutActivities>();
        services.AddSingleton<LatePaymentRefunds>();
        return services;
    }
}
