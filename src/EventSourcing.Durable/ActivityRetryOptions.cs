using EventSourcing.Sagas;
using Microsoft.DurableTask;

namespace EventSourcing.Durable;

/// <summary>Our activity retry policy as Durable's task options.</summary>
internal static class ActivityRetryOptions
{
    /// <summary>
    /// A policy without exceptions to spare maps to Durable's declarative retry; one with them to a retry handler that
    /// stops on those types (Durable sees only the failure's details, hence types, not a predicate).
    /// </summary>
    /// <returns>Null when the activity runs once.</returns>
    public static TaskOptions? From(ActivityRetryPolicy? retry)
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
