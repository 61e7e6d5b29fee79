using EventSourcing.Sagas;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Ordering.Checkout;

namespace Ordering.Tests.Checkout;

/// <summary>
/// A scripted orchestration context, the way Durable users test orchestrators: activities succeed unless told to
/// fail, raised events and the timer are decided up front, and every call is written down in order.
/// </summary>
public sealed class ScriptedContext(object input) : IOrchestrationContext
{
    private readonly Dictionary<string, string> _failures = [];
    private readonly Dictionary<string, object> _events = [];
    private readonly Dictionary<string, object> _results = [];
    private readonly Dictionary<string, TimeSpan> _outages = [];
    private bool _timerFires;

    public List<string> Calls { get; } = [];

    public List<object?> CustomStatuses { get; } = [];

    /// <summary>Whether the orchestrator cancelled the timer it was racing (true once it did).</summary>
    public bool TimerCancelled { get; private set; }

    public string InstanceId => "checkout-test";

    public DateTime CurrentUtcDateTime { get; } = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    public bool IsReplaying => false;

    public ScriptedContext Failing(string call, string message)
    {
        _failures[call] = message;
        return this;
    }

    /// <summary>
    /// The call meets a store outage of <paramref name="length"/>: each try fails with a transient fault until the retry
    /// policy's pauses add up to the outage (the call then succeeds), or the policy gives up first (the call fails).
    /// </summary>
    public ScriptedContext Unavailable(string call, TimeSpan length)
    {
        _outages[call] = length;
        return this;
    }

    public ScriptedContext Returning(string call, object result)
    {
        _results[call] = result;
        return this;
    }

    public ScriptedContext Raising(string eventName, object payload)
    {
        _events[eventName] = payload;
        return this;
    }

    public ScriptedContext TimerFires()
    {
        _timerFires = true;
        return this;
    }

    public T? GetInput<T>() => (T)input;

    public Guid NewGuid() => Guid.NewGuid();

    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityRetryPolicy? retry = null)
    {
        await CallActivityAsync(name, input, retry);
        return _results.TryGetValue(Describe(name, input), out var result) ? (TResult)result : default!;
    }

    public Task CallActivityAsync(string name, object? input = null, ActivityRetryPolicy? retry = null)
    {
        var call = Describe(name, input);
        Calls.Add(call);
        if (_outages.TryGetValue(call, out var outage) && !Outlasts(retry ?? ActivityRetryPolicy.None, outage))
            return Task.FromException(new ActivityFailedException(name, typeof(TimeoutException).FullName!, "the store did not answer"));
        return _failures.TryGetValue(call, out var message)
            ? Task.FromException(new ActivityFailedException(name, "EventSourcing.Deciders.DomainRuleViolationException", message))
            : Task.CompletedTask;
    }

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        Calls.Add($"Timer {fireAt - CurrentUtcDateTime}");
        cancellationToken.Register(() => TimerCancelled = true);
        return _timerFires ? Task.CompletedTask : Task.Delay(Timeout.Infinite, cancellationToken);
    }

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        _events.TryGetValue(eventName, out var payload) ? Task.FromResult((T)payload) : Never<T>(cancellationToken);

    public Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout) => throw new NotSupportedException("The checkout saga races its own timer.");

    public void SetCustomStatus(object? customStatus) => CustomStatuses.Add(customStatus);

    public ILogger CreateReplaySafeLogger(string categoryName) => NullLogger.Instance;

    private static bool Outlasts(ActivityRetryPolicy retry, TimeSpan outage)
    {
        var waited = TimeSpan.Zero;
        for (var attempt = 1; waited < outage; attempt++)
        {
            if (!retry.ShouldRetry(attempt, new TimeoutException())) return false;
            waited += retry.DelayBefore(attempt + 1);
        }
        return true;
    }

    private static async Task<T> Never<T>(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    private static string Describe(string name, object? input) => input switch
    {
        StockStep s => $"{name} {s.Sku}x{s.Quantity}",
        OrderStep { Reason: { } reason } => $"{name} ({reason})",
        PaymentStep p => $"{name} {p.Amount} {p.Currency}",
        RefundStep r => $"{name} ({r.Reason})",
        _ => name,
    };
}
