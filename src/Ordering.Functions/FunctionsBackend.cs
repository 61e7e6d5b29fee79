using EventSourcing.Hosting;
using EventSourcing.Http.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ordering.Contracts;
using Ordering.Functions.ChangeFeed;
using Ordering.Http;

namespace Ordering.Functions;

/// <summary>
/// The composition root in Azure: the ordering backend from the building blocks on Cosmos DB, and the application both
/// hosts call. The change-feed triggers and Durable Functions replace the local host's background runners, so nothing
/// here runs in the background.
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
    internal const string ProjectionProcessorName = ChangeFeedFunctions.ProjectionsLeasePrefix;

    public static void AddOrderingOnCosmos(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEventSourcing(configuration, OrderingEventTypes.Create())
            .UseCosmos(o =>
            {
                o.DefaultDatabase = "ordering";
                o.ChangeFeed = ChangeFeedDriver.FunctionsTriggers;
                o.ProjectionProcessorName = ProjectionProcessorName;
            })
            .AddOrderingReadModels();

        // The function key the Functions host let the request in with (AuthorizationLevel.Function), header or query.
        services.AddSingleton(new CallerCredential(request =>
            request.Headers["x-functions-key"].ToString() is { Length: > 0 } header ? header : request.Query["code"].ToString()));
        services.AddOrderingApplication(configuration);
    }
}
