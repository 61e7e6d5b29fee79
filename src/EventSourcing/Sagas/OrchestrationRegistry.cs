using System.Text.Json;
using EventSourcing.Serialization;

namespace EventSourcing.Sagas;

/// <summary>
/// The orchestrators and activities a runner can run, by name. Inputs, outputs and results cross it as JSON,
/// as they do in Durable Functions, so what runs locally serializes exactly as it will in Azure.
/// </summary>
public sealed class OrchestrationRegistry
{
    private readonly Dictionary<string, Func<IOrchestrationContext, Task<JsonElement?>>> _orchestrators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<JsonElement?, CancellationToken, Task<JsonElement?>>> _activities = new(StringComparer.Ordinal);

    /// <summary>The JSON shape of inputs, outputs and results: camelCase, as the HTTP API.</summary>
    public JsonSerializerOptions Options { get; } = EventSerializer.DefaultOptions;

    /// <summary>Registers an orchestrator: deterministic code that schedules activities, timers and waits through its context.</summary>
    /// <exception cref="ArgumentException">An orchestrator with that name is already registered.</exception>
    public OrchestrationRegistry AddOrchestrator<TInput, TOutput>(string name, Func<IOrchestrationContext, TInput, Task<TOutput>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _orchestrators.Add(name, async context => ToJson(await run(context, context.GetInput<TInput>()!)));
        return this;
    }

    /// <summary>Registers an activity: an ordinary method that must be safe to run more than once with the same input.</summary>
    public OrchestrationRegistry AddActivity<TInput, TResult>(string name, Func<TInput, CancellationToken, Task<TResult>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _activities.Add(name, async (input, ct) => ToJson(await run(FromJson<TInput>(input)!, ct)));
        return this;
    }

    /// <summary>Registers an activity without a result; like the other overload it must be safe to run more than once.</summary>
    /// <exception cref="ArgumentException">An activity with that name is already registered.</exception>
    public OrchestrationRegistry AddActivity<TInput>(string name, Func<TInput, CancellationToken, Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _activities.Add(name, async (input, ct) =>
        {
            await run(FromJson<TInput>(input)!, ct);
            return null;
        });
        return this;
    }

    /// <summary>
    /// Wraps the registered activity <paramref name="name"/> (for metering, tracing, or a test that holds an activity
    /// after its work is done and before it answers); every host that runs this registry runs the wrapped one.
    /// </summary>
    /// <exception cref="UnknownOrchestrationException">No activity has that name.</exception>
    public OrchestrationRegistry WrapActivity(
        string name, Func<Func<JsonElement?, CancellationToken, Task<JsonElement?>>, Func<JsonElement?, CancellationToken, Task<JsonElement?>>> wrap)
    {
        ArgumentNullException.ThrowIfNull(wrap);
        _activities[name] = wrap(Activity(name));
        return this;
    }

    /// <summary>Whether an orchestrator of that name is registered.</summary>
    public bool HasOrchestrator(string name) => _orchestrators.ContainsKey(name);

    /// <summary>The orchestrators' names, for runtimes that register each one with their own engine (Durable).</summary>
    public IReadOnlyCollection<string> OrchestratorNames => _orchestrators.Keys;

    /// <summary>The activities' names.</summary>
    public IReadOnlyCollection<string> ActivityNames => _activities.Keys;

    /// <summary>Runs as the orchestrator <paramref name="name"/>: its output is JSON in <see cref="Options"/>.</summary>
    /// <exception cref="UnknownOrchestrationException">No orchestrator has that name.</exception>
    public Func<IOrchestrationContext, Task<JsonElement?>> Orchestrator(string name) =>
        _orchestrators.TryGetValue(name, out var run) ? run : throw new UnknownOrchestrationException("orchestrator", name);

    /// <summary>Runs as the activity <paramref name="name"/>: its input and result are JSON in <see cref="Options"/>.</summary>
    /// <exception cref="UnknownOrchestrationException">No activity has that name.</exception>
    public Func<JsonElement?, CancellationToken, Task<JsonElement?>> Activity(string name) =>
        _activities.TryGetValue(name, out var run) ? run : throw new UnknownOrchestrationException("activity", name);

    internal JsonElement? ToJson(object? value) => value is null ? null : JsonSerializer.SerializeToElement(value, value.GetType(), Options);

    internal T? FromJson<T>(JsonElement? json) => json is { ValueKind: not JsonValueKind.Null } element ? element.Deserialize<T>(Options) : default;
}
