namespace EventSourcing.Sagas;

/// <summary>An instance as a listing shows it; its steps are at GET /api/sagas/{sagaId}.</summary>
public sealed record SagaSummary(string SagaId, string Name, SagaStatus Status, string? Reason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The listing's view of an instance.</summary>
    public static SagaSummary Of(SagaInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new(instance.SagaId, instance.Name, instance.Status, instance.Reason, instance.CreatedAt, instance.UpdatedAt);
    }
}
