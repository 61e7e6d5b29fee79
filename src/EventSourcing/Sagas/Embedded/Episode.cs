using System.Text.Json;
using EventSourcing.Sagas.History;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Sagas.Embedded;

/// <summary>
/// Replays an orchestrator over its whole history on the calling thread: starts it, then feeds it each recorded
/// result, timer and event in order, checking that it asks for the same work the history recorded.
/// </summary>
internal static class Episode
{
    public static EpisodeResult Run(string instanceId, IReadOnlyList<HistoryEvent> history, OrchestrationRegistry registry, ILoggerFactory? loggers)
    {
        var started = (OrchestrationStarted)history[0];
        var context = new ReplayContext(instanceId, started.Input, registry, loggers);
        var lastDecision = LastIndexOfDecision(history);
        var recorded = new HashSet<int>();
        Task<JsonElement?>? run = null;
        try
        {
            new OrchestrationPump().Run(() =>
            {
                var pump = (OrchestrationPump)SynchronizationContext.Current!;
                context.CurrentUtcDateTime = started.At.UtcDateTime;
                context.IsReplaying = lastDecision > 0;
                run = registry.Orchestrator(started.Name)(context);
                pump.Drain();
                for (var i = 1; i < history.Count && !run.IsCompleted; i++)
                {
                    context.IsReplaying = lastDecision > i;
                    Apply(context, history[i], recorded);
                    pump.Drain();
                }
            });
        }
        catch (NonDeterministicOrchestrationException e)
        {
            return Failed(e, context);
        }

        if (run!.IsCompletedSuccessfully) return Finished(SagaStatus.Completed, run.Result, null, null, context);
        if (run.IsFaulted) return Failed(run.Exception!.InnerException ?? run.Exception, context);
        if (run.IsCanceled) return Failed(new TaskCanceledException("The orchestrator was cancelled."), context);

        var open = context.Actions.Values.Where(a => !a.Task.IsCompleted).ToList();
        if (!context.IsWaiting)
            return Failed(new InvalidOperationException(
                "The orchestrator is waiting on a task its context did not create (Task.Delay, I/O, Task.Run); orchestrators may await only context tasks."), context);
        return new EpisodeResult(SagaStatus.Running, null, null, null,
            [.. context.Actions.Values.Where(a => !recorded.Contains(a.Seq))],
            [.. open.Where(a => a.Kind == ActionKind.Activity)],
            [.. open.Where(a => a.Kind == ActionKind.Timer)],
            context.CustomStatus);
    }

    private static void Apply(ReplayContext context, HistoryEvent recordedEvent, HashSet<int> recorded)
    {
        switch (recordedEvent)
        {
            case ActivityScheduled s:
                Expect(context, s.Seq, ActionKind.Activity, s.Name);
                recorded.Add(s.Seq);
                break;
            case TimerCreated t:
                Expect(context, t.Seq, ActionKind.Timer, "timer");
                recorded.Add(t.Seq);
                break;
            case ActivityCompleted c:
                Wake(context, c).Completion.TrySetResult(c.Result);
                break;
            case ActivityFailed f:
                var activity = Wake(context, f);
                activity.Completion.TrySetException(new ActivityFailedException(activity.Name, f.ErrorType, f.ErrorMessage));
                break;
            case TimerFired fired:
                Wake(context, fired).Completion.TrySetResult(null);
                break;
            case EventRaised raised:
                context.CurrentUtcDateTime = raised.At.UtcDateTime;
                context.Deliver(raised.Name, raised.Payload);
                break;
        }
    }

    private static PendingAction Wake(ReplayContext context, HistoryEvent e)
    {
        context.CurrentUtcDateTime = e.At.UtcDateTime;
        var seq = e switch { ActivityCompleted c => c.Seq, ActivityFailed f => f.Seq, TimerFired t => t.Seq, _ => -1 };
        return context.Actions.TryGetValue(seq, out var action)
            ? action
            : throw new NonDeterministicOrchestrationException(context.InstanceId, $"the history has a result for step {seq}, which the orchestrator never asked for.");
    }

    private static void Expect(ReplayContext context, int seq, ActionKind kind, string name)
    {
        if (!context.Actions.TryGetValue(seq, out var action))
            throw new NonDeterministicOrchestrationException(context.InstanceId,
                $"the history has {kind.ToString().ToLowerInvariant()} '{name}' as step {seq}, but the orchestrator did not ask for it.");
        if (action.Kind != kind || action.Name != name)
            throw new NonDeterministicOrchestrationException(context.InstanceId,
                $"step {seq} is {kind.ToString().ToLowerInvariant()} '{name}' in the history, but the orchestrator asked for {action.Kind.ToString().ToLowerInvariant()} '{action.Name}'.");
    }

    // Records an episode writes; any after a wake-up mean the orchestrator already ran past it once.
    private static int LastIndexOfDecision(IReadOnlyList<HistoryEvent> history)
    {
        for (var i = history.Count - 1; i > 0; i--)
            if (history[i] is ActivityScheduled or TimerCreated or CustomStatusSet) return i;
        return 0;
    }

    private static EpisodeResult Failed(Exception e, ReplayContext context) =>
        Finished(SagaStatus.Failed, null, e.GetType().FullName, e.Message, context);

    private static EpisodeResult Finished(SagaStatus status, JsonElement? output, string? errorType, string? message, ReplayContext context) =>
        new(status, output, errorType, message, [], [], [], context.CustomStatus);
}
