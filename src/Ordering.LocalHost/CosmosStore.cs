using Azure.Identity;
using EventSourcing.Cosmos.Feed;
using EventSourcing.Cosmos.Idempotency;
using EventSourcing.Cosmos.Projections;
using EventSourcing.Cosmos.Setup;
using EventSourcing.Cosmos.Store;
using EventSourcing.Cosmos.Subscriptions;
using EventSourcing.Subscriptions;
using EventSourcing.Deciders;
using EventSourcing.Diagnostics;
using EventSourcing.Feed;
using EventSourcing.Idempotency;
using EventSourcing.Projections;
using EventSourcing.Serialization;
using EventSourcing.Sqlite;
using EventSourcing.Sqlite.Projections;
using EventSourcing.Store;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ordering.ReadModels;

namespace Ordering.LocalHost;

/// <summary>
/// With <c>Store:Provider=Cosmos</c>, swaps the embedded stores for Cosmos DB: the event store (commit + tip per append),
/// change-feed projections into the read-models container, dead letters and idempotent responses in their own
/// containers. Called after the SQLite registrations, it removes those, so nothing opens a SQLite file.
/// </summary>
internal static partial class CosmosStore
{
    public static void UseCosmosWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        if (!CosmosSettings.IsSelected(configuration)) return;
        var settings = CosmosSettings.From(configuration);
        services.RemoveAll<SqliteEventStore>();
        services.RemoveAll<IEventFeed>(); // no global feed on Cosmos: the change feed drives projections
        services.Replace(ServiceDescriptor.Singleton<IEventFeedReader>(sp => new CosmosFeedReader(
            Container(sp, n => n.Events), sp.GetRequiredService<TimeProvider>(), logger: sp.GetRequiredService<ILogger<CosmosFeedReader>>())));
        services.RemoveAll<SqliteProjectionStore>();
        services.RemoveAll<IProjectionStore>();

        services.AddSingleton(settings);
        services.AddSingleton(_ => settings.ConnectionString is { } connectionString
            ? CosmosClients.FromConnectionString(connectionString)
            : CosmosClients.FromEndpoint(settings.Endpoint!, new DefaultAzureCredential()));
        services.AddSingleton(sp => new CosmosEventStore(
            Container(sp, n => n.Events), logger: sp.GetRequiredService<ILogger<CosmosEventStore>>()));
        services.Replace(ServiceDescriptor.Singleton<IEventStore>(sp => new InstrumentedEventStore(sp.GetRequiredService<CosmosEventStore>())));
        services.Replace(ServiceDescriptor.Singleton<IStreamDirectory>(sp => new CosmosStreamDirectory(
            Container(sp, n => n.Events), logger: sp.GetRequiredService<ILogger<CosmosStreamDirectory>>())));
        services.Replace(ServiceDescriptor.Singleton<ICorrelationIndex>(sp => sp.GetRequiredService<CosmosEventStore>().Correlations));
        services.Replace(ServiceDescriptor.Singleton(sp => new AggregateStore(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<EventSerializer>(), sp.GetRequiredService<CosmosEventStore>().Snapshots,
            cache: sp.GetRequiredService<StateCache>())));

        services.AddSingleton(sp => new CosmosReadModelStore(
            Container(sp, n => n.ReadModels), sp.GetRequiredService<EventSerializer>().Options, logger: sp.GetRequiredService<ILogger<CosmosReadModelStore>>()));
        services.Replace(ServiceDescriptor.Singleton<IReadModelStore>(sp => sp.GetRequiredService<CosmosReadModelStore>()));
        services.AddSingleton<IDeadLetterStore>(sp => new CosmosDeadLetterStore(
            Container(sp, n => n.DeadLetters), logger: sp.GetRequiredService<ILogger<CosmosDeadLetterStore>>()));
        services.AddSingleton(sp => new ChangeFeedDispatcher(
            sp.GetRequiredService<EventSerializer>(), OrderingReadModels.All, sp.GetRequiredService<CosmosReadModelStore>(),
            sp.GetRequiredService<IDeadLetterStore>(), logger: sp.GetRequiredService<ILogger<ChangeFeedDispatcher>>(),
            generations: sp.GetRequiredService<CosmosReadModelStore>()));
        // This host runs its processors for as long as it lives, so it can run a rebuilt generation's too.
        services.Replace(ServiceDescriptor.Singleton<IProjectionRuntime>(sp => new ChangeFeedProjections(
            Container(sp, n => n.Events), Container(sp, n => n.Leases), sp.GetRequiredService<ChangeFeedDispatcher>(),
            sp.GetRequiredService<IDeadLetterStore>(), sp.GetRequiredService<CosmosReadModelStore>(),
            new ChangeFeedProjectionOptions { RunsRebuilds = true }, sp.GetRequiredService<ILogger<ChangeFeedProjections>>())));

        services.Replace(ServiceDescriptor.Singleton<IIdempotencyStore>(sp => new CosmosIdempotencyStore(
            Container(sp, n => n.Requests), logger: sp.GetRequiredService<ILogger<CosmosIdempotencyStore>>())));

        // Sagas: history in the Cosmos event store, started and fed from the change feed; the runner's index stays in sagas.db.
        // Their dead letters go to the dead-letters container, one partition per subscription.
        services.AddSingleton(sp => new CosmosSubscriptionDeadLetterStore(
            Container(sp, n => n.DeadLetters), logger: sp.GetRequiredService<ILogger<CosmosSubscriptionDeadLetterStore>>()));
        services.Replace(ServiceDescriptor.Singleton<IEventSubscriptions>(sp => new ChangeFeedSubscriptions(
            Container(sp, n => n.Events), Container(sp, n => n.Leases), sp.GetRequiredService<CosmosSubscriptionDeadLetterStore>(),
            delivery: sp.GetRequiredService<DeliveryPolicy>(), loggers: sp.GetRequiredService<ILoggerFactory>())));

        // First of all hosted services, so the containers exist before the change-feed processor starts.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, CosmosStartup>());
    }

    private static Container Container(IServiceProvider services, Func<CosmosStoreNames, string> name)
    {
        var names = services.GetRequiredService<CosmosSettings>().Names;
        return services.GetRequiredService<CosmosClient>().GetContainer(names.Database, name(names));
    }

    /// <summary>Logs where the store is and, only when Store:Cosmos:CreateContainers is true, creates what is missing.</summary>
    private sealed partial class CosmosStartup(CosmosSettings settings, CosmosClient client, ILogger<CosmosSettings> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            LogStore(logger, settings.Describe(), settings.CreateContainers);
            if (settings.CreateContainers) await CosmosSetup.EnsureCreatedAsync(client, settings.Names, cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(LogLevel.Information, "Event store: {Store}; create missing containers: {CreateContainers}")]
        private static partial void LogStore(ILogger logger, string store, bool createContainers);
    }
}
