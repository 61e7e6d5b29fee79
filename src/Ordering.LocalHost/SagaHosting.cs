using EventSourcing.Diagnostics;
using EventSourcing.Sagas;
using EventSourcing.Sagas.Embedded;
using EventSourcing.Serialization;
using EventSourcing.Sqlite;
using EventSourcing.Sqlite.Sagas;
using EventSourcing.Store;
using EventSourcing.Subscriptions;
using Ordering.Checkout;

namespace Ordering.LocalHost;

/// <summary>The embedded saga runner and the feed subscriptions: the one that starts and feeds checkouts, and the one that refunds late payments.</summary>
internal static class SagaHosting
{
    public static void AddCheckoutSagas(this IServiceCollection services, string dataDirectory, IConfiguration configuration)
    {
        services.AddSingleton(_ => new SqliteSagaStore(Path.Combine(dataDirectory, "sagas.db")));
        services.AddSingleton(sp => new OrchestrationRegistry().AddCheckout(sp.GetRequiredService<CheckoutActivities>()));
        services.AddSingleton(sp => new EmbeddedSagaRunner(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<OrchestrationRegistry>(), sp.GetRequiredService<SqliteSagaStore>(),
            new EmbeddedSagaRunnerOptions { TimeProvider = sp.GetRequiredService<TimeProvider>() }, sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<IStreamDirectory>()));
        services.AddSingleton<ISagaClient>(sp => sp.GetRequiredService<EmbeddedSagaRunner>());
        services.AddSingleton<CheckoutTrigger>();
        // Every subscriber the host runs; the subscriptions' dead-letter endpoints find them here by name.
        services.AddSingleton(sp => sp.GetRequiredService<CheckoutTrigger>().Subscriber);
        services.AddSingleton(sp => new Subscriber(
            LatePaymentRefunds.SubscriptionName, sp.GetRequiredService<LatePaymentRefunds>().HandleAsync, LatePaymentRefunds.OrderingKey));
        // How patiently a subscriber is tried on one event before it is parked in the subscription's dead letters.
        var delivery = new DeliveryPolicy();
        services.AddSingleton(sp => delivery with
        {
            MaxAttempts = Math.Max(1, configuration.GetValue("Subscriptions:MaxAttempts", delivery.MaxAttempts)),
            Backoff = new(configuration.GetValue("Subscriptions:RetryDelay", delivery.Backoff.First), configuration.GetValue("Subscriptions:MaxRetryDelay", delivery.Backoff.Max)),
            TimeProvider = sp.GetRequiredService<TimeProvider>(),
        });
        // The SQLite feed with its checkpoints and dead letters in sagas.db; on Cosmos the change feed replaces it (CosmosStore).
        services.AddSingleton<IEventSubscriptions>(sp => new FeedSubscriptions(
            sp.GetRequiredService<IEventFeed>(), sp.GetRequiredService<SqliteSagaStore>(), sp.GetRequiredService<SqliteSagaStore>(),
            sp.GetRequiredService<DeliveryPolicy>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<SagaWorker>();
    }

    /// <summary>Runs the saga runner and every subscriber for as long as the host runs; a failure of either is logged and it runs again.</summary>
    private sealed class SagaWorker(
        EmbeddedSagaRunner runner, IEnumerable<Subscriber> subscribers, IEventSubscriptions subscriptions, TimeProvider time, ILogger<SagaWorker> logger)
        : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
            [
                RetryingLoop.RunAsync("saga runner", runner.RunAsync, Backoff.Default, time, logger, stoppingToken),
                .. subscribers.Select(s => RetryingLoop.RunAsync($"subscription {s.Name}",
                    ct => subscriptions.RunAsync(s.Name, s.Handle, s.KeyOf, ct), Backoff.Default, time, logger, stoppingToken)),
            ]);
    }
}
