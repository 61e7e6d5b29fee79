namespace EventSourcing.Hosting;

/// <summary>Who reads the Cosmos change feed into the projections and subscriptions.</summary>
public enum ChangeFeedDriver
{
    /// <summary>
    /// The host's own process, for as long as it runs: change-feed processors for the projections (rebuilds included) and
    /// for every subscriber, and the embedded saga runner (a long-running host such as the local one).
    /// </summary>
    Process,

    /// <summary>
    /// Azure Functions' CosmosDB triggers, which hand batches to the registered ChangeFeedDispatcher and
    /// ChangeFeedSubscriptions: no processor is started here, rebuilds are refused, and sagas run on Durable Functions.
    /// </summary>
    FunctionsTriggers,
}
