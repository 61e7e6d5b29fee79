using System.Text.Json;
using EventSourcing.Sagas.History;

namespace EventSourcing.Sagas.Embedded;

/// <summary>An instance's status, folded from its history: always exact, never a cached copy.</summary>
internal static class SagaInstanceFold
{
    public static SagaInstance? From(string instanceId, IReadOnlyList<HistoryEvent> history, JsonSerializerOptions options)
    {
        if (history.Count == 0 || history[0] is not OrchestrationStarted started) return null;
        var steps = new StepJournal();
        var bySeq = new Dictionary<int, int>();
        var (status, reason) = (SagaStatus.Running, (string?)null);
        JsonElement? custom = null;
        foreach (var e in history)
        {
            switch (e)
            {
                case ActivityScheduled s:
                    bySeq[s.Seq] = steps.Begin("activity", s.Name, "scheduled", s.At);
                    break;
                case ActivityCompleted c when bySeq.TryGetValue(c.Seq, out var i):
                    steps.Finish(i, "completed", c.At);
                    break;
                case ActivityFailed f when bySeq.TryGetValue(f.Seq, out var i):
                    steps.Finish(i, "failed", f.At, f.ErrorMessage);
                    break;
                case TimerCreated t:
                    bySeq[t.Seq] = steps.Begin("timer", $"until {t.FireAt:O}", "created", t.At, t.FireAt);
                    break;
                case TimerFired t when bySeq.TryGetValue(t.Seq, out var i):
                    steps.Finish(i, "fired", t.At);
                    break;
                case EventRaised r:
                    steps.Begin("event", r.Name, "raised", r.At);
                    break;
                case CustomStatusSet c:
                    custom = c.Status;
                    break;
                case OrchestrationCompleted c:
                    var outcome = Outcome(c.Output, options);
                    (status, reason) = outcome is { Compensated: true } ? (SagaStatus.Compensated, outcome.Reason) : (SagaStatus.Completed, outcome?.Reason);
                    break;
                case OrchestrationFailed f:
                    (status, reason) = (SagaStatus.Failed, $"{f.ErrorType}: {f.ErrorMessage}");
                    break;
            }
        }
        return new SagaInstance(instanceId, started.Name, status, [.. steps.Steps], custom, reason, started.At, history[^1].At);
    }

    // Any output works; one shaped like SagaOutcome says whether the saga compensated.
    private static SagaOutcome? Outcome(JsonElement? output, JsonSerializerOptions options)
    {
        if (output is not { ValueKind: JsonValueKind.Object } json || !json.TryGetProperty("compensated", out _)) return null;
        return json.Deserialize<SagaOutcome>(options);
    }
}
