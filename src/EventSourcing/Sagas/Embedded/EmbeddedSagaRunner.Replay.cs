using EventSourcing.Sagas.History;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Sagas.Embedded;

public sealed partial class EmbeddedSagaRunner
{
    /// <summary>Replays the instance and records what it decided; a concurrent append (an event, a result) means replay again.</summary>
    private async Task ResumeAsync(string instanceId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (history, version) = await SagaHistory.ReadAsync(_store, _serializer, instanceId, cancellationToken);
            if (history.Count == 0 || IsFinished(history))
            {
                Forget(instanceId);
                await _index.RemoveAsync(instanceId, cancellationToken);
                return;
            }

            var episode = Replay(instanceId, history);
            var records = Decisions(instanceId, history, episode);
            if (records.Count > 0)
            {
                try
                {
                    await AppendAsync(SagaHistory.StreamOf(instanceId), ExpectedVersion.Exact(version), records, TraceOf(history), cancellationToken);
                }
                catch (WrongExpectedVersionException)
                {
                    continue;
                }
            }

            if (episode.Status != SagaStatus.Running)
            {
                Forget(instanceId);
                await _index.RemoveAsync(instanceId, cancellationToken);
                LogFinished(_logger, instanceId, episode.Status, episode.ErrorMessage);
                return;
            }
            Dispatch(instanceId, episode, TraceOf(history));
            return;
        }
    }

    private EpisodeResult Replay(string instanceId, IReadOnlyList<HistoryEvent> history)
    {
        try
        {
            return Episode.Run(instanceId, history, _registry, _loggers);
        }
#pragma warning disable CA1031 // A broken orchestrator (unknown name, throwing synchronously) fails its instance, not the runner.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new EpisodeResult(SagaStatus.Failed, null, e.GetType().FullName, e.Message, [], [], [], null);
        }
    }

    private List<(HistoryEvent, Guid)> Decisions(string instanceId, IReadOnlyList<HistoryEvent> history, EpisodeResult episode)
    {
        var now = Now;
        var records = new List<(HistoryEvent, Guid)>();
        foreach (var action in episode.NewActions)
        {
            records.Add(action.Kind == ActionKind.Activity
                ? (new ActivityScheduled(action.Seq, action.Name, action.Input, now), HistoryId(instanceId, $"scheduled\n{action.Seq}"))
                : (new TimerCreated(action.Seq, action.FireAt!.Value, now), HistoryId(instanceId, $"scheduled\n{action.Seq}")));
        }
        var lastStatus = history.OfType<CustomStatusSet>().LastOrDefault()?.Status;
        if (lastStatus?.GetRawText() != episode.CustomStatus?.GetRawText())
            records.Add((new CustomStatusSet(episode.CustomStatus, now), Guid.CreateVersion7()));
        if (episode.Status == SagaStatus.Completed)
            records.Add((new OrchestrationCompleted(episode.Output, now), HistoryId(instanceId, "end")));
        else if (episode.Status == SagaStatus.Failed)
            records.Add((new OrchestrationFailed(episode.ErrorType ?? "Error", episode.ErrorMessage ?? "", now), HistoryId(instanceId, "end")));
        return records;
    }

    [LoggerMessage(LogLevel.Information, "Saga {InstanceId} ended {Status} {Error}")]
    private static partial void LogFinished(ILogger logger, string instanceId, SagaStatus status, string? error);
}
