namespace EventSourcing.Sagas;

/// <summary>Which instances a listing asks for (GET /api/sagas).</summary>
/// <param name="Status">Only instances in this status; every status when null.</param>
/// <param name="MaxCount">At most this many instances in the page.</param>
/// <param name="ContinuationToken">Where the previous page stopped; null for the first page.</param>
public sealed record SagaQuery(SagaStatus? Status, int MaxCount, string? ContinuationToken = null);

/// <summary>
/// One page of instances. A page may hold fewer than asked (even none) and still carry a token: the runtime stopped
/// looking after a bounded amount of work. Only a null token means there is nothing more.
/// </summary>
public sealed record SagaPage(IReadOnlyList<SagaSummary> Items, string? ContinuationToken);

/// <summary>An instance as a listing shows it; its steps are at GET /api/sagas/{sagaId}.</summary>
public sealed record SagaSummary(string SagaId, string Name, SagaStatus Status, string? Reason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SagaSummary Of(SagaInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new(instance.SagaId, instance.Name, instance.Status, instance.Reason, instance.CreatedAt, instance.UpdatedAt);
    }
}
