using EventSourcing.Cosmos.Feed;
using EventSourcing.Cosmos.Idempotency;
using EventSourcing.Cosmos.Projections;
using EventSourcing.Cosmos.Setup;
using EventSourcing.Cosmos.Store;
using EventSourcing.Cosmos.Subscriptions;
using EventSourcing.Feed;
using EventSourcing.Idempotency;
using EventSourcing.Projections;
using EventSourcing.Sagas.Embedded;
using EventSourcing.Serialization;
using EventSourcing.Store;
using EventSourcing.Subscriptions;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Hosting;

/// <summary>Cosmos DB as the building blocks' choice: events, read models, dead letters and idempotent responses in one database's containers.</summary>
public static class CosmosEventSourcingBuilderExtensions
{
    /// <summary>
    /// Chooses the Cosmos DB store: commits and tips (and snapshots, and the correlation index) in the events container,
    /// read models of every added projection in readmodels (kept by <see cref="ChangeFeedDispatcher"/>, generations
    /// included), parked events of projections and subscriptions in deadletters, idempotent responses in requests. The
    /// connection is the <c>CosmosDb</c> setting (a connection string) or <c>CosmosDb:accountEndpoint</c> (with
    /// <c>CosmosDb:clientId</c> for a user-assigned identity), the names the Functions CosmosDB trigger reads; the
    /// database <c>CosmosDbName</c> (default <see cref="CosmosStorageOptions.DefaultDatabase"/>); missing containers are
    /// created at startup only when <c>Store:CreateContainers</c> is true. With <see cref="ChangeFeedDriver.Process"/>
    /// the host runs the change-feed processors, every subscriber and the embedded saga runner; with
    /// <see cref="ChangeFeedDriver.FunctionsTriggers"/> nothing runs in the background.
    /// </summary>
    /// <param name="configure">Changes the options before the settings are read.</param>
    /// <exception cref="InvalidOperationException">Another store was chosen already, or a setting is missing or malformed.</exception>
    public static EventSourcingBuilder UseCosmos(this EventSourcingBuilder builder, Action<CosmosStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new CosmosStorageOptions();
        configure?.Invoke(options);
        var connection = CosmosConnection.From(builder.Configuration, options);
        var inProcess = options.ChangeFeed == ChangeFeedDriver.Process;

        builder.UseStore(nameof(UseCosmos), sp => sp.GetRequiredService<CosmosEventStore>(), sp => sp.GetRequiredService<CosmosEventStore>().Snapshots);
        var services = builder.Services;
        services.AddSingleton(connection);
        services.AddSingleton(connection.Names);
        services.AddSingleton(_ => connection.CreateClient(options.Credential));
        services.AddSingleton(sp => new CosmosEventStore(Container(sp, n => n.Events), logger: sp.GetRequiredService<ILogger<CosmosEventStore>>()));
        services.AddSingleton<IEventFeedReader>(sp => new CosmosFeedReader(
            Container(sp, n => n.Events), sp.GetRequiredService<TimeProvider>(), logger: sp.GetRequiredService<ILogger<CosmosFeedReader>>()));
        services.AddSingleton<IStreamDirectory>(sp => new CosmosStreamDirectory(
            Container(sp, n => n.Events), logger: sp.GetRequiredService<ILogger<CosmosStreamDirectory>>()));
        services.AddSingleton<ICorrelationIndex>(sp => sp.GetRequiredService<CosmosEventStore>().Correlations);

        services.AddSingleton(sp => new CosmosReadModelStore(
            Container(sp, n => n.ReadModels), sp.GetRequiredService<EventSerializer>().Options, logger: sp.GetRequiredService<ILogger<CosmosReadModelStore>>()));
        services.AddSingleton<IReadModelStore>(sp => sp.GetRequiredService<CosmosReadModelStore>());
        services.AddSingleton<IDeadLetterStore>(sp => new CosmosDeadLetterStore(
            Container(sp, n => n.DeadLetters), logger: sp.GetRequiredService<ILogger<CosmosDeadLetterStore>>()));
        // The generations store in every host: a generation rebuilt and promoted by one host is the one every host writes
        // (through the processor of that generation in this process, or, fed by triggers, through this dispatcher).
        services.AddSingleton(sp => new ChangeFeedDispatcher(
            sp.GetRequiredService<EventSerializer>(), sp.GetServices<IProjection>(), sp.GetRequiredService<CosmosReadModelStore>(),
            sp.GetRequiredService<IDeadLetterStore>(),
            new ChangeFeedDispatcherOptions { WritesActiveGeneration = !inProcess, TimeProvider = sp.GetRequiredService<TimeProvider>() },
            sp.GetRequiredService<ILogger<ChangeFeedDispatcher>>(), sp.GetRequiredService<CosmosReadModelStore>()));
        // Status, lag, dead letters and read-your-writes in both modes; the processors (and rebuilds) only in a long-running process.
        services.AddSingleton(sp => new ChangeFeedProjectionOptions
        {
            ProcessorName = options.ProjectionProcessorName, RunsRebuilds = inProcess, TimeProvider = sp.GetRequiredService<TimeProvider>(),
        });
        services.AddSingleton<IProjectionRuntime>(sp => new ChangeFeedProjections(
            Container(sp, n => n.Events), Container(sp, n => n.Leases), sp.GetRequiredService<ChangeFeedDispatcher>(),
            sp.GetRequiredService<IDeadLetterStore>(), sp.GetRequiredService<CosmosReadModelStore>(),
            sp.GetRequiredService<ChangeFeedProjectionOptions>(), sp.GetRequiredService<ILogger<ChangeFeedProjections>>()));

        services.AddSingleton<IIdempotencyStore>(sp => new CosmosIdempotencyStore(
            Container(sp, n => n.Requests), logger: sp.GetRequiredService<ILogger<CosmosIdempotencyStore>>()));

        // Subscriptions' parked events: the dead-letters container, one partition per subscription.
        services.AddSingleton(sp => new CosmosSubscriptionDeadLetterStore(
            Container(sp, n => n.DeadLetters), logger: sp.GetRequiredService<ILogger<CosmosSubscriptionDeadLetterStore>>()));
        services.AddSingleton<ISubscriptionDeadLetterStore>(sp => sp.GetRequiredService<CosmosSubscriptionDeadLetterStore>());
        services.AddSingleton(sp => new ChangeFeedSubscriptions(
            Container(sp, n => n.Events), Container(sp, n => n.Leases), sp.GetRequiredService<ISubscriptionDeadLetterStore>(),
            delivery: sp.GetRequiredService<DeliveryPolicy>(), loggers: sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IEventSubscriptions>(sp => sp.GetRequiredService<ChangeFeedSubscriptions>());

        // First of all hosted services, so the containers exist before any processor starts.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, CosmosStartup>());
        if (inProcess)
        {
            // The projections' processors, every subscriber and the embedded saga runner (histories in the events container).
            services.AddHostedService<ProjectionWorker>();
            builder.RunSagasInProcess(sp => SagaIndex(sp, options));
            services.AddHostedService<SubscriptionWorker>();
        }
        return builder;
    }

    private static ISagaInstanceIndex SagaIndex(IServiceProvider services, CosmosStorageOptions options) =>
        options.SagaIndex?.Invoke(services) ?? throw new InvalidOperationException(
            "UseCosmos() runs sagas in this process only with CosmosStorageOptions.SagaIndex set (where the embedded runner keeps its " +
            "index of instances, e.g. a SqliteSagaStore); or set ChangeFeed = ChangeFeedDriver.FunctionsTriggers and run them on Durable Functions.");

    private static Container Container(IServiceProvider services, Func<CosmosStoreNames, string> name)
    {
        var names = services.GetRequiredService<CosmosStoreNames>();
        return services.GetRequiredService<CosmosClient>().GetContainer(names.Database, name(names));
    }
}
