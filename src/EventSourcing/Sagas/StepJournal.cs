using System.Text.Json;

namespace EventSourcing.Sagas;

/// <summary>
/// The steps of an orchestration as it runs, for runtimes whose clients do not hand out the history (Durable Functions):
/// the orchestration context records each activity, timer and event here and publishes the journal with the custom
/// status, so status queries show the same steps on every host. Rebuilt identically on every replay.
/// </summary>
public sealed class StepJournal
{
    private readonly List<SagaStep> _steps = [];

    /// <summary>The steps so far, in the order they began.</summary>
    public IReadOnlyList<SagaStep> Steps => _steps;

    /// <summary>Records a step begun (a timer with the time it is due); returns its index for <see cref="Finish"/>.</summary>
    public int Begin(string kind, string name, string status, DateTimeOffset at, DateTimeOffset? dueAt = null)
    {
        _steps.Add(new SagaStep(kind, name, status, at, DueAt: dueAt));
        return _steps.Count - 1;
    }

    /// <summary>Records how the step begun at <paramref name="index"/> ended (with the error when it failed).</summary>
    public void Finish(int index, string status, DateTimeOffset at, string? error = null) =>
        _steps[index] = _steps[index] with { Status = status, At = at, Error = error };

    /// <summary>What a custom status slot carries: the orchestrator's own status and the steps so far.</summary>
    public SagaStatusEnvelope Envelope(JsonElement? customStatus) => new(customStatus, [.. _steps]);
}
