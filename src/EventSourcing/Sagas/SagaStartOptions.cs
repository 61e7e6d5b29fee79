namespace EventSourcing.Sagas;

/// <summary>What travels with a start besides the input.</summary>
/// <param name="CorrelationId">The request or workflow that asked for the saga; kept in its history.</param>
/// <param name="CausationId">The message (e.g. the event id) that caused the start.</param>
public sealed record SagaStartOptions(string? CorrelationId = null, string? CausationId = null);
