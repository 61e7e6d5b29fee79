using System.Text.Json;
using EventSourcing.Deciders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventSourcing.Sagas.Embedded;

/// <summary>
/// The context of one replay: hands out a task per activity and timer, numbered in the order the orchestrator asks,
/// and completes them as the runner feeds it the history. Never does I/O itself.
/// </summary>
internal sealed class ReplayContext(
    string instanceId, JsonElement? input, OrchestrationRegistry registry, ILoggerFactory? loggers) : IOrchestrationContext
{
    private readonly SortedDictionary<int, PendingAction> _actions = [];
    private readonly Dictionary<string, Queue<JsonElement?>> _unclaimed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TaskCompletionSource<JsonElement?>>> _waiters = new(StringComparer.Ordinal);
    private int _nextSeq;
    private int _guids;

    public string InstanceId => instanceId;

    public DateTime CurrentUtcDateTime { get; set; }

    public bool IsReplaying { get; set; }

    /// <summary>The last value given to <see cref="SetCustomStatus"/>.</summary>
    public JsonElement? CustomStatus { get; private set; }

    public IReadOnlyDictionary<int, PendingAction> Actions => _actions;

    /// <summary>Whether anything could still wake the orchestrator: an unfinished activity or timer, or a wait for an event.</summary>
    public bool IsWaiting => _actions.Values.Any(a => !a.Task.IsCompleted) || _waiters.Values.Any(w => w.Count > 0);

    public T? GetInput<T>() => registry.FromJson<T>(input);

    public Guid NewGuid() => EventIds.FromName($"{instanceId}\nguid\n{_guids++}");

    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityRetryPolicy? retry = null) =>
        registry.FromJson<TResult>(await Schedule(new PendingAction(_nextSeq++, ActionKind.Activity, name, registry.ToJson(input), null, retry)))!;

    public Task CallActivityAsync(string name, object? input = null, ActivityRetryPolicy? retry = null) =>
        Schedule(new PendingAction(_nextSeq++, ActionKind.Activity, name, registry.ToJson(input), null, retry));

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var timer = new PendingAction(_nextSeq++, ActionKind.Timer, "timer", null, new DateTimeOffset(fireAt.ToUniversalTime(), TimeSpan.Zero), null);
        var task = Schedule(timer);
        if (cancellationToken.CanBeCanceled) cancellationToken.Register(() => timer.Completion.TrySetCanceled(cancellationToken));
        return task;
    }

    public async Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        if (_unclaimed.TryGetValue(eventName, out var kept) && kept.Count > 0) return registry.FromJson<T>(kept.Dequeue())!;
        var waiter = new TaskCompletionSource<JsonElement?>();
        var waiters = _waiters.TryGetValue(eventName, out var list) ? list : _waiters[eventName] = [];
        waiters.Add(waiter);
        if (cancellationToken.CanBeCanceled)
            cancellationToken.Register(() =>
            {
                waiters.Remove(waiter);
                waiter.TrySetCanceled(cancellationToken);
            });
        return registry.FromJson<T>(await waiter.Task)!;
    }

    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource();
        var wait = WaitForExternalEvent<T>(eventName, cancel.Token);
        var timer = CreateTimer(CurrentUtcDateTime + timeout, cancel.Token);
        var winner = await Task.WhenAny(wait, timer);
        // Cancel, not CancelAsync: the losing task must be cancelled on the orchestrator's thread, in this step.
#pragma warning disable CA1849
        cancel.Cancel();
#pragma warning restore CA1849
        if (winner == wait) return await wait;
        throw new TaskCanceledException($"No '{eventName}' event arrived within {timeout}.");
    }

    public void SetCustomStatus(object? customStatus) => CustomStatus = registry.ToJson(customStatus);

    public ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(this, (loggers ?? NullLoggerFactory.Instance).CreateLogger(categoryName));

    /// <summary>Delivers a raised event to the oldest wait for it, or keeps it for the next one.</summary>
    public void Deliver(string eventName, JsonElement? payload)
    {
        if (_waiters.TryGetValue(eventName, out var waiters) && waiters.Count > 0)
        {
            var first = waiters[0];
            waiters.RemoveAt(0);
            first.TrySetResult(payload);
            return;
        }
        (_unclaimed.TryGetValue(eventName, out var kept) ? kept : _unclaimed[eventName] = new()).Enqueue(payload);
    }

    private Task<JsonElement?> Schedule(PendingAction action)
    {
        _actions.Add(action.Seq, action);
        return action.Task;
    }
}
