namespace EventSourcing.Sagas;

/// <summary>Where a saga instance is in its life.</summary>
public enum SagaStatus
{
    Running,
    Completed,
    Compensated,
    Failed,
}
