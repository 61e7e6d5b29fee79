using EventSourcing.Serialization;
using EventSourcing.Store;

namespace EventSourcing.Sagas.History;

/// <summary>Stored names of the history events and the stream each instance's history lives in.</summary>
public static class SagaHistory
{
    /// <summary>What every history stream's id starts with.</summary>
    public const string StreamPrefix = "saga-";

    /// <summary>The id of the stream holding the instance's history.</summary>
    public static string StreamOf(string instanceId) => StreamPrefix + instanceId;

    /// <summary>A serializer for history alone: domain type maps stay unaware of it, and domain projections skip it.</summary>
    public static EventSerializer CreateSerializer() => new(new EventTypeMap()
        .Register<OrchestrationStarted>("saga.OrchestrationStarted")
        .Register<ActivityScheduled>("saga.ActivityScheduled")
        .Register<ActivityCompleted>("saga.ActivityCompleted")
        .Register<ActivityFailed>("saga.ActivityFailed")
        .Register<TimerCreated>("saga.TimerCreated")
        .Register<TimerFired>("saga.TimerFired")
        .Register<EventRaised>("saga.EventRaised")
        .Register<CustomStatusSet>("saga.CustomStatusSet")
        .Register<OrchestrationCompleted>("saga.OrchestrationCompleted")
        .Register<OrchestrationFailed>("saga.OrchestrationFailed"));

    /// <summary>The history of an instance, oldest first; empty when it was never started.</summary>
    public static async Task<(IReadOnlyList<HistoryEvent> Events, long Version)> ReadAsync(
        IEventStore store, EventSerializer serializer, string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            var recorded = await store.ReadStreamAsync(StreamOf(instanceId), StreamReadOptions.All, cancellationToken);
            return ([.. recorded.Select(e => (HistoryEvent)serializer.Deserialize(e))], recorded.Count == 0 ? 0 : recorded[^1].StreamVersion);
        }
        catch (StreamNotFoundException)
        {
            return ([], 0);
        }
    }
}
