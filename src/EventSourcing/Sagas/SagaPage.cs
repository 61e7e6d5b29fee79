namespace EventSourcing.Sagas;

/// <summary>
/// One page of instances. A page may hold fewer than asked (even none) and still carry a token: the runtime stopped
/// looking after a bounded amount of work. Only a null token means there is nothing more.
/// </summary>
public sealed record SagaPage(IReadOnlyList<SagaSummary> Items, string? ContinuationToken);
