using Azure.Identity;
using EventSourcing.Cosmos.Feed;
using EventSourcing.Cosmos.Idempotency;
using EventSourcing.Cosmos.Projections;
using EventSourcing.Cosmos.Setup;
using EventSourcing.Cosmos.Store;
using EventSourcing.Cosmos.Subscriptions;
using EventSourcing.Deciders;
using EventSourcing.Diagnostics;
using EventSourcing.Feed;
using EventSourcing.Idempotency;
using EventSourcing.Projections;
using EventSourcing.Serialization;
using EventSourcing.Store;
using EventSourcing.Subscriptions;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ordering.Contracts;
using Ordering.Functions.ChangeFeed;
using Ordering.Http;
using EventSourcing.Http.Pipeline;
using Ordering.ReadModels;

namespace Ordering.Functions;

/// <summary>
/// The composition root in Azure: the Cosmos event store, read models, dead letters and idempotent responses, and
/// the application both hosts call. The change-feed triggers and Durable Functions replace the local host's
/// background runners, so nothing here runs in the background.
/// </summary>
internal static class FunctionsBackend
{
    /// <summary>
    /// The ProjectReadModels trigger's processor as the lag estimator must name it. Verified in the host-side extension
    /// (Azure/azure-webjobs-sdk-extensions, commit 2e7550f72362, src/WebJobs.Extensions.CosmosDB/Trigger/; unchanged
    /// there since the 4.0 move to the v3 SDK): CosmosDBTriggerAttributeBindingProvider takes the processor name from
    /// the attribute's LeaseContainerPrefix (its %setting% resolved, "" when unset), CosmosDBTriggerListener builds the
    /// processor with GetChangeFeedProcessorBuilder(that name) and a random instance name, and its scale monitor reads
    /// lag with GetChangeFeedEstimator(that name, the leases container), as ChangeFeedProjections does. The Cosmos SDK
    /// (Azure/azure-cosmos-dotnet-v3, ChangeFeedProcessorBuilder and ChangeFeedEstimatorBuilder: LeasePrefix = processorName)
    /// keys lease documents by that name followed by the monitored account's host and container ids, so the estimator
    /// also needs the trigger's account (the CosmosDb setting both read) and its events and leases containers.
    /// </summary>
    internal static ChangeFeedProjectionOptions ProjectionOptions { get; } = new() { ProcessorName = ChangeFeedFunctions.ProjectionsLeasePrefix };

    public static void AddOrderingOnCosmos(this IServiceCollection services, IConfiguration configuration)
    {
        var names = new CosmosStoreNames { Database = configuration["CosmosDbName"] is { Length: > 0 } database ? database : "ordering" };
        services.AddSingleton(names);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new EventSerializer(OrderingEventTypes.Create()));
        services.AddSingleton(_ => new StateCache());
        services.AddSingleton(_ => CreateClient(configuration));
        services.AddSingleton(sp => new CosmosEventStore(Container(sp, n => n.Events), logger: sp.GetRequiredService<ILogger<CosmosEventStore>>()));
        services.AddSingleton<IEventStore>(sp => new InstrumentedEventStore(sp.GetRequiredService<CosmosEventStore>()));
        services.AddSingleton<IEventFeedReader>(sp => new CosmosFeedReader(
            Container(sp, n => n.Events), sp.GetRequiredService<TimeProvider>(), logger: sp.GetRequiredService<ILogger<CosmosFeedReader>>()));
        services.AddSingleton<IStreamDirectory>(sp => new CosmosStreamDirectory(
            Container(sp, n => n.Events), logger: sp.GetRequiredService<ILogger<CosmosStreamDirectory>>()));
        services.AddSingleton<ICorrelationIndex>(sp => sp.GetRequiredService<CosmosEventStore>().Correlations);
        services.AddSingleton(sp => new AggregateStore(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<EventSerializer>(), sp.GetRequiredService<CosmosEventStore>().Snapshots,
            cache: sp.GetRequiredService<StateCache>()));

        services.AddSingleton(sp => new CosmosReadModelStore(
            Container(sp, n => n.ReadModels), sp.GetRequiredService<EventSerializer>().Options, logger: sp.GetRequiredService<ILogger<CosmosReadModelStore>>()));
        services.AddSingleton<IReadModelStore>(sp => sp.GetRequiredService<CosmosReadModelStore>());
        services.AddSingleton<IDeadLetterStore>(sp => new CosmosDeadLetterStore(
            Container(sp, n => n.DeadLetters), logger: sp.GetRequiredService<ILogger<CosmosDeadLetterStore>>()));
        services.AddSingleton(sp => new ChangeFeedDispatcher(
            sp.GetRequiredService<EventSerializer>(), OrderingReadModels.All, sp.GetRequiredService<CosmosReadModelStore>(),
            sp.GetRequiredService<IDeadLetterStore>(), logger: sp.GetRequiredService<ILogger<ChangeFeedDispatcher>>()));
        // Status, lag, dead letters and read-your-writes; its processor is never started here (the trigger feeds the dispatcher).
        services.AddSingleton<IProjectionRuntime>(sp => new ChangeFeedProjections(
            Container(sp, n => n.Events), Container(sp, n => n.Leases), sp.GetRequiredService<ChangeFeedDispatcher>(),
            sp.GetRequiredService<IDeadLetterStore>(), sp.GetRequiredService<CosmosReadModelStore>(),
            ProjectionOptions, sp.GetRequiredService<ILogger<ChangeFeedProjections>>()));
        // The checkout trigger's parked events: the dead-letters container, one partition per subscription.
        services.AddSingleton<ISubscriptionDeadLetterStore>(sp => new CosmosSubscriptionDeadLetterStore(
            Container(sp, n => n.DeadLetters), logger: sp.GetRequiredService<ILogger<CosmosSubscriptionDeadLetterStore>>()));
        services.AddSingleton(sp => new ChangeFeedSubscriptions(
            Container(sp, n => n.Events), Container(sp, n => n.Leases), sp.GetRequiredService<ISubscriptionDeadLetterStore>(),
            delivery: new DeliveryPolicy { TimeProvider = sp.GetRequiredService<TimeProvider>() }, loggers: sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IIdempotencyStore>(sp => new CosmosIdempotencyStore(
            Container(sp, n => n.Requests), logger: sp.GetRequiredService<ILogger<CosmosIdempotencyStore>>()));

        // The function key the Functions host let the request in with (AuthorizationLevel.Function), header or query.
        services.AddSingleton(new CallerCredential(request =>
            request.Headers["x-functions-key"].ToString() is { Length: > 0 } header ? header : request.Query["code"].ToString()));
        services.AddOrderingApplication(configuration);
    }

    /// <summary>
    /// The connection the CosmosDBTrigger uses too (<c>CosmosDb</c>): a connection string locally (the emulator), or an
    /// account endpoint with the app's managed identity in Azure (<c>CosmosDb__accountEndpoint</c>, <c>CosmosDb__clientId</c>).
    /// </summary>
    private static CosmosClient CreateClient(IConfiguration configuration)
    {
        if (configuration["CosmosDb"] is { Length: > 0 } connectionString) return CosmosClients.FromConnectionString(connectionString);
        var endpoint = configuration["CosmosDb:accountEndpoint"]
            ?? throw new InvalidOperationException("Set CosmosDb (a connection string) or CosmosDb__accountEndpoint (with CosmosDb__clientId for a user-assigned identity).");
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = configuration["CosmosDb:clientId"] });
        return CosmosClients.FromEndpoint(new Uri(endpoint), credential);
    }

    private static Container Container(IServiceProvider services, Func<CosmosStoreNames, string> name)
    {
        var names = services.GetRequiredService<CosmosStoreNames>();
        return services.GetRequiredService<CosmosClient>().GetContainer(names.Database, name(names));
    }
}
