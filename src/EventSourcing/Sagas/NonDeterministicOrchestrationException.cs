namespace EventSourcing.Sagas;

/// <summary>A replay asked for different work than the history recorded: the orchestrator's code is not deterministic.</summary>
public sealed class NonDeterministicOrchestrationException(string instanceId, string detail)
    : Exception($"Orchestration '{instanceId}' is not deterministic: {detail}")
{
    public string InstanceId { get; } = instanceId;
}
