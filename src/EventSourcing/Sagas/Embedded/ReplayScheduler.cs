using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Sagas.Embedded;

/// <summary>
/// Decides when an instance replays: at most one replay per instance at a time, a wake-up during one causes another,
/// and a replay that failed (the store, mostly) is tried again after <see cref="EmbeddedSagaRunnerOptions.FaultDelay"/>.
/// </summary>
internal sealed partial class ReplayScheduler(EmbeddedSagaRunnerOptions options, InFlightTasks inFlight, ILogger logger)
{
    private readonly Channel<string> _wakeups = Channel.CreateUnbounded<string>();
    private readonly Lock _gate = new();
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);

    /// <summary>Asks for a replay of the instance.</summary>
    public void Wake(string instanceId)
    {
        lock (_gate)
        {
            if (_busy.Add(instanceId)) _wakeups.Writer.TryWrite(instanceId);
            else _dirty.Add(instanceId);
        }
    }

    /// <summary>Asks for a replay once the fault delay has passed.</summary>
    public void Later(string instanceId, CancellationToken cancellationToken) =>
        inFlight.Track(Task.Delay(options.FaultDelay, options.TimeProvider, cancellationToken)
            .ContinueWith(t => { if (!t.IsCanceled) Wake(instanceId); }, TaskScheduler.Default));

    /// <summary>One worker: takes woken instances and runs <paramref name="replay"/> for each until cancelled.</summary>
    public async Task WorkAsync(Func<string, CancellationToken, Task> replay, CancellationToken cancellationToken)
    {
        await foreach (var instanceId in _wakeups.Reader.ReadAllAsync(cancellationToken))
        {
            while (true)
            {
                lock (_gate) _dirty.Remove(instanceId);
                try
                {
                    await replay(instanceId, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogStepFault(logger, e, instanceId);
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

    [LoggerMessage(LogLevel.Warning, "Saga {InstanceId}: a step failed to run or record; trying again shortly")]
    internal static partial void LogStepFault(ILogger logger, Exception exception, string instanceId);
}
