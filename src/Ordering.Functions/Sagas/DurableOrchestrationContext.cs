using EventSourcing.Sagas;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Ordering.Functions.Sagas;

/// <summary>
/// Our orchestration context over Durable's: the same orchestrator code that the embedded runner replays locally.
/// Durable's own replay gives the guarantees; this only maps names, retry policies and activity failures.
/// </summary>
internal sealed class DurableOrchestrationContext(TaskOrchestrationContext inner) : IOrchestrationContext
{
    public string InstanceId => inner.InstanceId;

    public DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public bool IsReplaying => inner.IsReplaying;

    public T? GetInput<T>() => inner.GetInput<T>();

    public Guid NewGuid() => inner.NewGuid();

    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityRetryPolicy? retry = null)
    {
        try
        {
            return await inner.CallActivityAsync<TResult>(name, input, Options(retry));
        }
        catch (TaskFailedException e)
        {
            throw Failed(name, e);
        }
    }

    public async Task CallActivityAsync(string name, object? input = null, ActivityRetryPolicy? retry = null)
    {
        try
        {
            await inner.CallActivityAsync(name, input, Options(retry));
        }
        catch (TaskFailedException e)
        {
            throw Failed(name, e);
        }
    }

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => inner.CreateTimer(fireAt, cancellationToken);

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout) => inner.WaitForExternalEvent<T>(eventName, timeout);

    public void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public ILogger CreateReplaySafeLogger(string categoryName) => inner.CreateReplaySafeLogger(categoryName);

    private static ActivityFailedException Failed(string name, TaskFailedException e) =>
        new(name, e.FailureDetails.ErrorType, e.FailureDetails.ErrorMessage);

    /// <summary>
    /// A policy without exceptions to spare maps to Durable's declarative retry; one with them to a retry handler that
    /// stops on those types (Durable sees only the failure's details, hence types, not a predicate).
    /// </summary>
    private static TaskOptions? Options(ActivityRetryPolicy? retry)
    {
        if (retry is null || retry.MaxAttempts <= 1) return null;
        if (retry.DoNotRetry.Count == 0)
            return TaskOptions.FromRetryPolicy(new RetryPolicy(retry.MaxAttempts, retry.FirstRetryInterval, retry.BackoffCoefficient, retry.MaxRetryInterval));
        return TaskOptions.FromRetryHandler(async context =>
        {
            if (context.LastAttemptNumber >= retry.MaxAttempts) return false;
            if (retry.DoNotRetry.Any(type => context.LastFailure.IsCausedBy(type))) return false;
            await context.OrchestrationContext.CreateTimer(retry.DelayBefore(context.LastAttemptNumber + 1), CancellationToken.None);
            return true;
        });
    }
}
