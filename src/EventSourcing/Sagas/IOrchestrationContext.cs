using Microsoft.Extensions.Logging;

namespace EventSourcing.Sagas;

/// <summary>
/// What an orchestrator may do, shaped like Durable Functions' <c>TaskOrchestrationContext</c> so the Azure adapter
/// is a thin wrapper. Orchestrators are replayed from their history: they must be deterministic, await only the
/// tasks this context hands out, and take time and new ids from it, never from the machine.
/// </summary>
public interface IOrchestrationContext
{
    /// <summary>The instance's id, fixed at start (e.g. <c>checkout-{orderId}</c>).</summary>
    string InstanceId { get; }

    /// <summary>The time of the history event being processed: the same on every replay.</summary>
    DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the orchestrator re-runs steps already in its history.</summary>
    bool IsReplaying { get; }

    /// <summary>The input the instance was started with.</summary>
    T? GetInput<T>();

    /// <summary>A new id, the same on every replay.</summary>
    Guid NewGuid();

    /// <summary>Runs an activity (retried by <paramref name="retry"/>); a final failure surfaces as <see cref="ActivityFailedException"/>.</summary>
    Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityRetryPolicy? retry = null);

    /// <summary>Runs an activity that returns nothing.</summary>
    Task CallActivityAsync(string name, object? input = null, ActivityRetryPolicy? retry = null);

    /// <summary>A durable timer: survives restarts and fires at <paramref name="fireAt"/> (UTC); cancel the loser of a race.</summary>
    Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>Waits for an event raised to this instance; events raised before the wait are kept and delivered.</summary>
    Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an event at most <paramref name="timeout"/>; throws <see cref="TaskCanceledException"/> when it runs out.</summary>
    Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout);

    /// <summary>A small JSON-serializable value status queries show while the instance runs.</summary>
    void SetCustomStatus(object? customStatus);

    /// <summary>A logger that stays silent while replaying, so each step is logged once.</summary>
    ILogger CreateReplaySafeLogger(string categoryName);
}
