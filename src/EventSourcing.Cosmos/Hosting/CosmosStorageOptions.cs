using Azure.Core;
using EventSourcing.Sagas.Embedded;

namespace EventSourcing.Hosting;

/// <summary>What <see cref="CosmosEventSourcingBuilderExtensions.UseCosmos"/> connects to and how the host drives the change feed.</summary>
public sealed class CosmosStorageOptions
{
    /// <summary>The database when the <c>CosmosDbName</c> setting is unset (default "eventsourcing").</summary>
    public string DefaultDatabase { get; set; } = "eventsourcing";

    /// <summary>Who reads the change feed: this process (default) or Functions triggers.</summary>
    public ChangeFeedDriver ChangeFeed { get; set; } = ChangeFeedDriver.Process;

    /// <summary>
    /// The projections' change-feed processor name, which keys its leases and lag estimator (default "projections"). With
    /// <see cref="ChangeFeedDriver.FunctionsTriggers"/> it must be the projection trigger's <c>LeaseContainerPrefix</c>,
    /// so status and lag read that trigger's leases.
    /// </summary>
    public string ProjectionProcessorName { get; set; } = "projections";

    /// <summary>
    /// Where the embedded saga runner keeps its index of instances, with <see cref="ChangeFeedDriver.Process"/> and a saga
    /// added (the sagas' histories are in the Cosmos event store); e.g. an EventSourcing.Sqlite SqliteSagaStore. Unset, a
    /// host that runs a saga fails to start saying so.
    /// </summary>
    public Func<IServiceProvider, ISagaInstanceIndex>? SagaIndex { get; set; }

    /// <summary>
    /// The credential for an account endpoint (<c>CosmosDb:accountEndpoint</c>); unset, DefaultAzureCredential with the
    /// managed identity <c>CosmosDb:clientId</c> names (when set). Not used with a connection string.
    /// </summary>
    public TokenCredential? Credential { get; set; }
}
