namespace EventSourcing.Sagas;

/// <summary>An activity failed after its retries; carries what the activity threw, as Durable's <c>TaskFailedException</c> does.</summary>
public sealed class ActivityFailedException(string activityName, string errorType, string errorMessage)
    : Exception($"Activity '{activityName}' failed: {errorType}: {errorMessage}")
{
    public string ActivityName { get; } = activityName;

    /// <summary>The full name of the exception type the activity threw.</summary>
    public string ErrorType { get; } = errorType;

    /// <summary>The message of the exception the activity threw.</summary>
    public string ErrorMessage { get; } = errorMessage;
}

/// <summary>A replay asked for different work than the history recorded: the orchestrator's code is not deterministic.</summary>
public sealed class NonDeterministicOrchestrationException(string instanceId, string detail)
    : Exception($"Orchestration '{instanceId}' is not deterministic: {detail}")
{
    public string InstanceId { get; } = instanceId;
}

/// <summary>No orchestration instance has that id.</summary>
public sealed class SagaNotFoundException(string instanceId) : Exception($"No saga instance '{instanceId}' exists.")
{
    public string InstanceId { get; } = instanceId;
}

/// <summary>No orchestrator or activity is registered under that name.</summary>
public sealed class UnknownOrchestrationException(string kind, string name) : Exception($"No {kind} named '{name}' is registered.")
{
    public string Name { get; } = name;
}
