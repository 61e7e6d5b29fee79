using System.Collections.Concurrent;
using EventSourcing.Sagas.History;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Sagas.Embedded;

public sealed partial class EmbeddedSagaRunner
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InstanceWork> _work = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    /// <summary>Asks for a replay of the instance; at most one runs per instance, and a wake-up during one causes another.</summary>
    private void Wake(string instanceId)
    {
        lock (_gate)
        {
            if (_busy.Add(instanceId)) _wakeups.Writer.TryWrite(instanceId);
            else _dirty.Add(instanceId);
        }
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        await foreach (var instanceId in _wakeups.Reader.ReadAllAsync(cancellationToken))
        {
            while (true)
            {
                lock (_gate) _dirty.Remove(instanceId);
                try
                {
                    await ResumeAsync(instanceId, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogStepFault(_logger, e, instanceId);
                    Later(instanceId, cancellationToken);
                }
                lock (_gate)
                {
                    if (!_dirty.Contains(instanceId))
                    {
                        _busy.Remove(instanceId);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Starts the instance's pending activities and arms its pending timers, each once per process; disarms timers it no longer awaits.</summary>
    private void Dispatch(string instanceId, EpisodeResult episode, EventMetadata trace)
    {
        var work = _work.GetOrAdd(instanceId, _ => new InstanceWork());
        lock (work)
        {
            foreach (var activity in episode.PendingActivities)
                if (work.Activities.Add(activity.Seq)) Run(instanceId, token => RunActivityAsync(instanceId, activity, trace, token), _stopping.Token);
            var awaited = episode.PendingTimers.Select(t => t.Seq).ToHashSet();
            foreach (var (seq, armed) in work.Timers.Where(t => !awaited.Contains(t.Key)).ToList())
            {
                armed.Cancel();
                work.Timers.Remove(seq);
            }
            foreach (var timer in episode.PendingTimers.Where(t => !work.Timers.ContainsKey(t.Seq)))
            {
                var armed = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                work.Timers.Add(timer.Seq, armed);
                Run(instanceId, token => FireWhenDueAsync(instanceId, timer, trace, token), armed.Token);
            }
        }
    }

    /// <summary>Forgets the instance's work and disarms its timers once it has ended.</summary>
    private void Forget(string instanceId)
    {
        if (!_work.TryRemove(instanceId, out var work)) return;
        lock (work)
            foreach (var armed in work.Timers.Values) armed.Cancel();
    }

    private void Run(string instanceId, Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await step(cancellationToken);
                Wake(instanceId);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Disarmed, or shutting down: the step is in the history and runs again after a restart.
            }
            catch (Exception e)
            {
                LogStepFault(_logger, e, instanceId);
                Forget(instanceId);
                Later(instanceId, _stopping.Token);
            }
        }, CancellationToken.None);
        _inFlight.TryAdd(task, 0);
        task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task RunActivityAsync(string instanceId, PendingAction activity, EventMetadata trace, CancellationToken cancellationToken)
    {
        var policy = activity.Retry ?? ActivityRetryPolicy.None;
        HistoryEvent result;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var output = await _registry.Activity(activity.Name)(activity.Input, cancellationToken);
                result = new ActivityCompleted(activity.Seq, output, Now);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (!policy.ShouldRetry(attempt, e))
                {
                    result = new ActivityFailed(activity.Seq, e.GetType().FullName ?? e.GetType().Name, e.Message, Now);
                    break;
                }
                LogActivityRetry(_logger, activity.Name, instanceId, attempt, e.Message);
                await Task.Delay(policy.DelayBefore(attempt + 1), _options.TimeProvider, cancellationToken);
            }
        }
        await RecordAsync(instanceId, result, $"result\n{activity.Seq}", trace, cancellationToken);
    }

    private async Task FireWhenDueAsync(string instanceId, PendingAction timer, EventMetadata trace, CancellationToken cancellationToken)
    {
        var wait = timer.FireAt!.Value - Now;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _options.TimeProvider, cancellationToken);
        await RecordAsync(instanceId, new TimerFired(timer.Seq, Now), $"fired\n{timer.Seq}", trace, cancellationToken);
    }

    // One id per step's outcome: if a restart runs a step again, its second outcome is refused as a duplicate.
    private async Task RecordAsync(string instanceId, HistoryEvent outcome, string what, EventMetadata trace, CancellationToken cancellationToken)
    {
        var stream = SagaHistory.StreamOf(instanceId);
        try
        {
            await AppendAsync(stream, ExpectedVersion.StreamExists, [(outcome, HistoryId(instanceId, what))], trace, cancellationToken);
        }
        catch (DuplicateEventIdException e) when (e.ExistingStreamId == stream)
        {
        }
    }

    private void Later(string instanceId, CancellationToken cancellationToken)
    {
        var task = Task.Delay(_options.FaultDelay, _options.TimeProvider, cancellationToken)
            .ContinueWith(t => { if (!t.IsCanceled) Wake(instanceId); }, TaskScheduler.Default);
        _inFlight.TryAdd(task, 0);
        task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }

    [LoggerMessage(LogLevel.Warning, "Saga {InstanceId}: a step failed to run or record; trying again shortly")]
    private static partial void LogStepFault(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(LogLevel.Information, "Activity {Activity} of {InstanceId} failed attempt {Attempt} ({Error}); retrying")]
    private static partial void LogActivityRetry(ILogger logger, string activity, string instanceId, int attempt, string error);

    private sealed class InstanceWork
    {
        public HashSet<int> Activities { get; } = [];

        public Dictionary<int, CancellationTokenSource> Timers { get; } = [];
    }
}
