namespace EventSourcing.Sagas;

/// <summary>No orchestrator or activity is registered under that name.</summary>
public sealed class UnknownOrchestrationException(string kind, string name) : Exception($"No {kind} named '{name}' is registered.")
{
    /// <summary>The orchestrator or activity name asked for.</summary>
    public string Name { get; } = name;
}
