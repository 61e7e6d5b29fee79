using System.Text.Json;
using EventSourcing.Sagas;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Durable;

/// <summary>
/// Our orchestration context over Durable's: the same orchestrator code that the embedded runner replays locally.
/// Durable's own replay gives the guarantees; this maps names, retry policies and activity failures, and keeps a
/// journal of the steps in the custom status (Durable's client hands out no history), in camelCase as the API speaks.
/// Inputs, results and event payloads cross Durable as JSON written and read with our options (<see cref="DurableJson"/>),
/// so they read the same whatever data converter the worker has (the SDK's is case-sensitive PascalCase, the Functions
/// worker's is not).
/// </summary>
public sealed class DurableOrchestrationContext(TaskOrchestrationContext inner) : IOrchestrationContext
{
    private readonly StepJournal _journal = new();
    private JsonElement? _status;

    /// <summary>Runs <paramref name="orchestrator"/> as a Durable orchestration, with its input read through this context.</summary>
    public static Task<TOutput> RunAsync<TInput, TOutput>(TaskOrchestrationContext context, Func<IOrchestrationContext, TInput, Task<TOutput>> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        var adapted = new DurableOrchestrationContext(context);
        return orchestrator(adapted, adapted.GetInput<TInput>()!);
    }

    /// <inheritdoc />
    public string InstanceId => inner.InstanceId;

    /// <inheritdoc />
    public DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    /// <inheritdoc />
    public bool IsReplaying => inner.IsReplaying;

    private DateTimeOffset Now => new(inner.CurrentUtcDateTime, TimeSpan.Zero);

    /// <inheritdoc />
    public T? GetInput<T>() => DurableJson.Read<T>(inner.GetInput<JsonElement?>());

    /// <inheritdoc />
    public Guid NewGuid() => inner.NewGuid();

    /// <inheritdoc />
    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityRetryPolicy? retry = null)
    {
        var step = Begin("activity", name, "scheduled");
        try
        {
            var result = await inner.CallActivityAsync<JsonElement?>(name, DurableJson.Write(input), ActivityRetryOptions.From(retry));
            Finish(step, "completed");
            return DurableJson.Read<TResult>(result)!;
        }
        catch (TaskFailedException e)
        {
            Finish(step, "failed", e.FailureDetails.ErrorMessage);
            throw Failed(name, e);
        }
    }

    /// <inheritdoc />
    public async Task CallActivityAsync(string name, object? input = null, ActivityRetryPolicy? retry = null)
    {
        var step = Begin("activity", name, "scheduled");
        try
        {
            await inner.CallActivityAsync(name, DurableJson.Write(input), ActivityRetryOptions.From(retry));
            Finish(step, "completed");
        }
        catch (TaskFailedException e)
        {
            Finish(step, "failed", e.FailureDetails.ErrorMessage);
            throw Failed(name, e);
        }
    }

    /// <inheritdoc />
    public async Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var due = new DateTimeOffset(fireAt.ToUniversalTime(), TimeSpan.Zero);
        var step = Begin("timer", $"until {due:O}", "created", due);
        await inner.CreateTimer(fireAt, cancellationToken);
        Finish(step, "fired");
    }

    /// <inheritdoc />
    public async Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        var payload = await inner.WaitForExternalEvent<JsonElement?>(eventName, cancellationToken);
        Finish(Begin("event", eventName, "raised"), "raised");
        return DurableJson.Read<T>(payload)!;
    }

    /// <inheritdoc />
    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        var payload = await inner.WaitForExternalEvent<JsonElement?>(eventName, timeout);
        Finish(Begin("event", eventName, "raised"), "raised");
        return DurableJson.Read<T>(payload)!;
    }

    /// <inheritdoc />
    public void SetCustomStatus(object? customStatus)
    {
        _status = DurableJson.Write(customStatus);
        Publish();
    }

    /// <inheritdoc />
    public ILogger CreateReplaySafeLogger(string categoryName) => inner.CreateReplaySafeLogger(categoryName);

    private int Begin(string kind, string name, string status, DateTimeOffset? dueAt = null)
    {
        var step = _journal.Begin(kind, name, status, Now, dueAt);
        Publish();
        return step;
    }

    private void Finish(int step, string status, string? error = null)
    {
        _journal.Finish(step, status, Now, error);
        Publish();
    }

    // A JsonElement reaches Durable's serializer as the JSON it is, so the API sees camelCase whatever Durable is configured with.
    private void Publish() => inner.SetCustomStatus(DurableJson.Write(_journal.Envelope(_status)));

    private static ActivityFailedException Failed(string name, TaskFailedException e) =>
        new(name, e.FailureDetails.ErrorType, e.FailureDetails.ErrorMessage);
}
