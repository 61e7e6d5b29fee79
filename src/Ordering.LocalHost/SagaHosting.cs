using EventSourcing.Sagas;
using EventSourcing.Sagas.Embedded;
using EventSourcing.Serialization;
using EventSourcing.Sqlite;
using EventSourcing.Sqlite.Sagas;
using EventSourcing.Store;
using EventSourcing.Subscriptions;
using Ordering.Checkout;

namespace Ordering.LocalHost;

/// <summary>The embedded saga runner, the feed subscription that starts and feeds checkouts, and the one that refunds late payments.</summary>
internal static class SagaHosting
{
    public static void AddCheckoutSagas(this IServiceCollection services, string dataDirectory)
    {
        services.AddSingleton(_ => new SqliteSagaStore(Path.Combine(dataDirectory, "sagas.db")));
        services.AddSingleton(sp => new OrchestrationRegistry().AddCheckout(sp.GetRequiredService<CheckoutActivities>()));
        services.AddSingleton(sp => new EmbeddedSagaRunner(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<OrchestrationRegistry>(), sp.GetRequiredService<SqliteSagaStore>(),
            new EmbeddedSagaRunnerOptions { TimeProvider = sp.GetRequiredService<TimeProvider>() }, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ISagaClient>(sp => sp.GetRequiredService<EmbeddedSagaRunner>());
        services.AddSingleton<CheckoutTrigger>();
        // The SQLite feed with its checkpoint in sagas.db; on Cosmos the change feed replaces it (CosmosStore).
        services.AddSingleton<IEventSubscriptions>(sp => new FeedSubscriptions(
            sp.GetRequiredService<IEventFeed>(), sp.GetRequiredService<SqliteSagaStore>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<SagaWorker>();
    }

    /// <summary>Runs the saga runner, the checkout trigger and the late-payment refunds for as long as the host runs.</summary>
    private sealed class SagaWorker(EmbeddedSagaRunner runner, CheckoutTrigger trigger, LatePaymentRefunds refunds, IEventSubscriptions subscriptions)
        : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
            runner.RunAsync(stoppingToken),
            subscriptions.RunAsync(CheckoutTrigger.SubscriptionName, trigger.HandleAsync, CheckoutTrigger.OrderingKey, stoppingToken),
            subscriptions.RunAsync(LatePaymentRefunds.SubscriptionName, refunds.HandleAsync, LatePaymentRefunds.OrderingKey, stoppingToken));
    }
}
