namespace EventSourcing.Sagas;

/// <summary>
/// Starts saga instances, raises events to them and reports their status: what application code and hosts use,
/// implemented by the embedded runner locally and by a Durable Functions client in Azure.
/// </summary>
public interface ISagaClient
{
    /// <summary>
    /// Starts <paramref name="orchestrator"/> as <paramref name="instanceId"/>. Starting an id that already exists changes
    /// nothing and returns the existing instance, so a redelivered trigger cannot start two.
    /// </summary>
    /// <exception cref="UnknownOrchestrationException">No orchestrator has that name.</exception>
    Task<SagaInstance> StartAsync(string orchestrator, string instanceId, object? input, SagaStartOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Raises <paramref name="eventName"/> to the instance; kept until the orchestrator waits for it. Raising again with the
    /// same <paramref name="eventId"/> changes nothing.
    /// </summary>
    /// <exception cref="SagaNotFoundException">No instance has that id.</exception>
    Task RaiseEventAsync(string instanceId, string eventName, object? payload, Guid? eventId = null, CancellationToken cancellationToken = default);

    /// <summary>The instance's status, or null when no instance has that id.</summary>
    Task<SagaInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Instances, optionally in one status, a page at a time, in an order the runtime keeps from page to page.</summary>
    /// <exception cref="ArgumentException">The continuation token is not one this runtime handed out.</exception>
    Task<SagaPage> ListAsync(SagaQuery query, CancellationToken cancellationToken = default);
}
