using System.Collections.Concurrent;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Sagas.Embedded;

/// <summary>
/// Starts each instance's pending activities and arms its pending timers, each once per process, and disarms timers
/// it no longer awaits. A finished step wakes its instance; a step that failed to run or record wakes it later.
/// </summary>
internal sealed class StepDispatcher(StepExecutor steps, ReplayScheduler scheduler, InFlightTasks inFlight, ILogger logger, CancellationToken stopping)
{
    private readonly ConcurrentDictionary<string, InstanceWork> _work = new(StringComparer.Ordinal);

    public void Dispatch(string instanceId, EpisodeResult episode, EventMetadata trace)
    {
        var work = _work.GetOrAdd(instanceId, _ => new InstanceWork());
        lock (work)
        {
            foreach (var activity in episode.PendingActivities)
                if (work.Activities.Add(activity.Seq)) Run(instanceId, token => steps.RunActivityAsync(instanceId, activity, trace, token), stopping);
            var awaited = episode.PendingTimers.Select(t => t.Seq).ToHashSet();
            foreach (var (seq, armed) in work.Timers.Where(t => !awaited.Contains(t.Key)).ToList())
            {
                armed.Cancel();
                work.Timers.Remove(seq);
            }
            foreach (var timer in episode.PendingTimers.Where(t => !work.Timers.ContainsKey(t.Seq)))
            {
                var armed = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                work.Timers.Add(timer.Seq, armed);
                Run(instanceId, token => steps.FireWhenDueAsync(instanceId, timer, trace, token), armed.Token);
            }
        }
    }

    /// <summary>Forgets the instance's work and disarms its timers once it has ended.</summary>
    public void Forget(string instanceId)
    {
        if (!_work.TryRemove(instanceId, out var work)) return;
        lock (work)
            foreach (var armed in work.Timers.Values) armed.Cancel();
    }

    private void Run(string instanceId, Func<CancellationToken, Task> step, CancellationToken cancellationToken) =>
        inFlight.Track(Task.Run(async () =>
        {
            try
            {
                await step(cancellationToken);
                scheduler.Wake(instanceId);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Disarmed, or shutting down: the step is in the history and runs again after a restart.
            }
            catch (Exception e)
            {
                ReplayScheduler.LogStepFault(logger, e, instanceId);
                Forget(instanceId);
                scheduler.Later(instanceId, stopping);
            }
        }, CancellationToken.None));

    private sealed class InstanceWork
    {
        public HashSet<int> Activities { get; } = [];

        public Dictionary<int, CancellationTokenSource> Timers { get; } = [];
    }
}
