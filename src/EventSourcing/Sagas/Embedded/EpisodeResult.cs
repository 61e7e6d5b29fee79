using System.Text.Json;

namespace EventSourcing.Sagas.Embedded;

/// <summary>What one replay of an orchestrator decided: finished, or waiting with work to record and run.</summary>
internal sealed record EpisodeResult(
    SagaStatus Status,
    JsonElement? Output,
    string? ErrorType,
    string? ErrorMessage,
    IReadOnlyList<PendingAction> NewActions,
    IReadOnlyList<PendingAction> PendingActivities,
    IReadOnlyList<PendingAction> PendingTimers,
    JsonElement? CustomStatus);
