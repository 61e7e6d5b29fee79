using System.Text.Json;
using EventSourcing.Catalog;

namespace EventSourcing.Sagas.History;

/// <summary>What the event catalog says of the history events the embedded saga runner stores in <c>saga-{instanceId}</c> streams.</summary>
public static class SagaHistoryDescriptions
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    /// <summary>The descriptions for <see cref="SagaHistory.CreateSerializer"/>'s type map.</summary>
    public static EventDescriptions Create() => new EventDescriptions()
        .Describe(
            "An orchestration instance started, with its input and the correlation of the event that started it.",
            new OrchestrationStarted("Checkout", Json("""{"orderId":"o1"}"""), "corr-1", "evt-1", At))
        .Describe("The orchestration asked for an activity (Seq numbers its activities and timers in order).", new ActivityScheduled(1, "ReserveStock", Json("""{"orderId":"o1"}"""), At))
        .Describe("An activity the orchestration asked for finished, with its result.", new ActivityCompleted(1, Json("""{"reserved":true}"""), At))
        .Describe("An activity the orchestration asked for failed after its retries, with the error.", new ActivityFailed(1, "InvalidOperationException", "out of stock", At))
        .Describe("The orchestration started a durable timer that fires at FireAt.", new TimerCreated(2, At.AddMinutes(15), At))
        .Describe("A durable timer of the orchestration fired.", new TimerFired(2, At.AddMinutes(15)))
        .Describe("An external event reached the orchestration (for example a payment's outcome).", new EventRaised("PaymentResult", Json("""{"confirmed":true}"""), At))
        .Describe("The orchestration set its custom status, which the saga status route shows.", new CustomStatusSet(Json("""{"step":"awaiting-payment"}"""), At))
        .Describe("The orchestration finished, with its output.", new OrchestrationCompleted(Json("""{"outcome":"Confirmed"}"""), At))
        .Describe("The orchestration failed: it will not run again.", new OrchestrationFailed("InvalidOperationException", "step failed", At));

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
