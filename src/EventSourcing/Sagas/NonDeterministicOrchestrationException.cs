namespace EventSourcing.Sagas;

/// <summary>A replay asked for different work than the history recorded: the orchestrator's code is not deterministic.</summary>
public sealed class NonDeterministicOrchestrationException(string instanceId, string detail)
    : Exception($"Orchestration '{instanceId}' is not deterministic: {detail}")
{
    /// <summary>The instance whose replay asked for other work than its history holds.</summary>
    public string InstanceId { get; } = instanceId;
}
