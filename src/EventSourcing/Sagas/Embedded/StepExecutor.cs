using EventSourcing.Sagas.History;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Sagas.Embedded;

/// <summary>Runs one step an orchestrator waits for (an activity, with its retry policy, or a durable timer) and records its outcome.</summary>
internal sealed partial class StepExecutor(OrchestrationRegistry registry, HistoryLog history, TimeProvider time, ILogger logger)
{
    public async Task RunActivityAsync(string instanceId, PendingAction activity, EventMetadata trace, CancellationToken cancellationToken)
    {
        var policy = activity.Retry ?? ActivityRetryPolicy.None;
        HistoryEvent result;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var output = await registry.Activity(activity.Name)(activity.Input, cancellationToken);
                result = new ActivityCompleted(activity.Seq, output, time.GetUtcNow());
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (!policy.ShouldRetry(attempt, e))
                {
                    result = new ActivityFailed(activity.Seq, e.GetType().FullName ?? e.GetType().Name, e.Message, time.GetUtcNow());
                    break;
                }
                LogActivityRetry(logger, activity.Name, instanceId, attempt, e.Message);
                await Task.Delay(policy.DelayBefore(attempt + 1), time, cancellationToken);
            }
        }
        await history.RecordOutcomeAsync(instanceId, result, $"result\n{activity.Seq}", trace, cancellationToken);
    }

    public async Task FireWhenDueAsync(string instanceId, PendingAction timer, EventMetadata trace, CancellationToken cancellationToken)
    {
        var wait = timer.FireAt!.Value - time.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
        await history.RecordOutcomeAsync(instanceId, new TimerFired(timer.Seq, time.GetUtcNow()), $"fired\n{timer.Seq}", trace, cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Activity {Activity} of {InstanceId} failed attempt {Attempt} ({Error}); retrying")]
    private static partial void LogActivityRetry(ILogger logger, string activity, string instanceId, int attempt, string error);
}
