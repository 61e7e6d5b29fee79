using EventSourcing.Deciders;
using EventSourcing.Sagas.History;
using EventSourcing.Serialization;
using EventSourcing.Store;

namespace EventSourcing.Sagas.Embedded;

/// <summary>Reads and appends instance histories (the <c>saga-{instanceId}</c> streams) with the history serializer.</summary>
internal sealed class HistoryLog(IEventStore store)
{
    private readonly EventSerializer _serializer = SagaHistory.CreateSerializer();

    public Task<(IReadOnlyList<HistoryEvent> Events, long Version)> ReadAsync(string instanceId, CancellationToken cancellationToken) =>
        SagaHistory.ReadAsync(store, _serializer, instanceId, cancellationToken);

    public Task<AppendResult> AppendAsync(
        string instanceId, ExpectedVersion expected, IReadOnlyList<(HistoryEvent Event, Guid Id)> records, EventMetadata trace, CancellationToken cancellationToken) =>
        store.AppendAsync(SagaHistory.StreamOf(instanceId), expected, [.. records.Select(r => _serializer.Serialize(r.Event, r.Id, trace))], cancellationToken);

    /// <summary>
    /// Appends a step's outcome under an id derived from <paramref name="what"/>: if a restart runs the step again, its
    /// second outcome is refused as a duplicate and dropped here.
    /// </summary>
    public async Task RecordOutcomeAsync(string instanceId, HistoryEvent outcome, string what, EventMetadata trace, CancellationToken cancellationToken)
    {
        try
        {
            await AppendAsync(instanceId, ExpectedVersion.StreamExists, [(outcome, IdOf(instanceId, what))], trace, cancellationToken);
        }
        catch (DuplicateEventIdException e) when (e.ExistingStreamId == SagaHistory.StreamOf(instanceId))
        {
        }
    }

    /// <summary>The same id for the same record of the same instance, so writing it twice is recognised.</summary>
    public static Guid IdOf(string instanceId, string what) => EventIds.FromName($"{instanceId}\n{what}");

    // A late activity result or timer may follow the end record; the instance is still finished.
    public static bool IsFinished(IReadOnlyList<HistoryEvent> history) => history.Any(e => e is OrchestrationCompleted or OrchestrationFailed);

    // Every history event carries the correlation id the instance was started with, so a correlation trace shows the saga's steps.
    public static EventMetadata TraceOf(IReadOnlyList<HistoryEvent> history) =>
        history.Count > 0 && history[0] is OrchestrationStarted { CorrelationId: { } correlationId } ? new EventMetadata(correlationId) : EventMetadata.Empty;
}
