namespace EventSourcing.Sagas;

/// <summary>
/// A saga as a host registers it: its orchestrator and activities added to the registry every runner (the embedded one,
/// Durable) runs. Implementations are constructed by dependency injection, so activities' dependencies come by constructor.
/// </summary>
public interface ISagaDefinition
{
    /// <summary>Adds the saga's orchestrator and activities under the names the orchestrator calls them by.</summary>
    void Register(OrchestrationRegistry registry);
}
