using EventSourcing.Sagas.History;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Sagas.Embedded;

/// <summary>
/// Replays an instance from its history and records what the orchestrator decided (new steps, custom status, the
/// end) before any of it runs; then hands the pending steps to the dispatcher, or drops a finished instance from the index.
/// </summary>
internal sealed partial class InstanceReplay(
    HistoryLog history, OrchestrationRegistry registry, ISagaInstanceIndex index, StepDispatcher dispatcher, TimeProvider time, ILoggerFactory loggers,
    ILogger logger)
{
    /// <summary>Replays until what it decided is recorded; a concurrent append (an event, a result) means replay again.</summary>
    public async Task ResumeAsync(string instanceId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (events, version) = await history.ReadAsync(instanceId, cancellationToken);
            if (events.Count == 0 || HistoryLog.IsFinished(events))
            {
                dispatcher.Forget(instanceId);
                await index.RemoveAsync(instanceId, cancellationToken);
                return;
            }

            var episode = Replay(instanceId, events);
            var records = Decisions(instanceId, events, episode);
            if (records.Count > 0)
            {
                try
                {
                    await history.AppendAsync(instanceId, ExpectedVersion.Exact(version), records, HistoryLog.TraceOf(events), cancellationToken);
                }
                catch (WrongExpectedVersionException)
                {
                    continue;
                }
            }

            if (episode.Status != SagaStatus.Running)
            {
                dispatcher.Forget(instanceId);
                await index.RemoveAsync(instanceId, cancellationToken);
                LogFinished(logger, instanceId, episode.Status, episode.ErrorMessage);
                return;
            }
            dispatcher.Dispatch(instanceId, episode, HistoryLog.TraceOf(events));
            return;
        }
    }

    private EpisodeResult Replay(string instanceId, IReadOnlyList<HistoryEvent> events)
    {
        try
        {
            return Episode.Run(instanceId, events, registry, loggers);
        }
#pragma warning disable CA1031 // A broken orchestrator (unknown name, throwing synchronously) fails its instance, not the runner.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new EpisodeResult(SagaStatus.Failed, null, e.GetType().FullName, e.Message, [], [], [], null);
        }
    }

    private List<(HistoryEvent, Guid)> Decisions(string instanceId, IReadOnlyList<HistoryEvent> events, EpisodeResult episode)
    {
        var now = time.GetUtcNow();
        var records = new List<(HistoryEvent, Guid)>();
        foreach (var action in episode.NewActions)
        {
            records.Add(action.Kind == ActionKind.Activity
                ? (new ActivityScheduled(action.Seq, action.Name, action.Input, now), HistoryLog.IdOf(instanceId, $"scheduled\n{action.Seq}"))
                : (new TimerCreated(action.Seq, action.FireAt!.Value, now), HistoryLog.IdOf(instanceId, $"scheduled\n{action.Seq}")));
        }
        var lastStatus = events.OfType<CustomStatusSet>().LastOrDefault()?.Status;
        if (lastStatus?.GetRawText() != episode.CustomStatus?.GetRawText())
            records.Add((new CustomStatusSet(episode.CustomStatus, now), Guid.CreateVersion7()));
        if (episode.Status == SagaStatus.Completed)
            records.Add((new OrchestrationCompleted(episode.Output, now), HistoryLog.IdOf(instanceId, "end")));
        else if (episode.Status == SagaStatus.Failed)
            records.Add((new OrchestrationFailed(episode.ErrorType ?? "Error", episode.ErrorMessage ?? "", now), HistoryLog.IdOf(instanceId, "end")));
        return records;
    }

    [LoggerMessage(LogLevel.Information, "Saga {InstanceId} ended {Status} {Error}")]
    private static partial void LogFinished(ILogger logger, string instanceId, SagaStatus status, string? error);
}
