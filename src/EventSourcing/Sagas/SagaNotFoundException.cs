namespace EventSourcing.Sagas;

/// <summary>No orchestration instance has that id.</summary>
public sealed class SagaNotFoundException(string instanceId) : Exception($"No saga instance '{instanceId}' exists.")
{
    /// <summary>The instance id asked for.</summary>
    public string InstanceId { get; } = instanceId;
}
