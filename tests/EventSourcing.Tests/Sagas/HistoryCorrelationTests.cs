using EventSourcing.Sagas;
using EventSourcing.Sagas.History;
using EventSourcing.Store;

namespace EventSourcing.Tests.Sagas;

/// <summary>
/// Every event of a saga's history carries the correlation id it was started with, whichever step wrote it
/// (start, scheduling, activity result, timer, raised event, status, end), so a correlation trace shows the saga's steps.
/// </summary>
public sealed class HistoryCorrelationTests : IAsyncDisposable
{
    private readonly TestOrchestrations _code = new();
    private readonly SagaHarness _harness;

    public HistoryCorrelationTests() => _harness = new SagaHarness(_code.Registry);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_a_saga_started_with_a_correlation_id_When_it_runs_activities_timers_and_events_Then_each_history_event_carries_it()
    {
        var trace = new SagaStartOptions("corr-saga", "cause-1");

        await _harness.Runner.StartAsync("Sum", "traced-sum", new[] { 1, 2 }, trace, Ct);
        await _harness.Runner.StartAsync("ApprovalWithTimeout", "traced-timeout", 0.01, trace, Ct);
        await _harness.Runner.StartAsync("Approval", "traced-approval", 3600.0, trace, Ct);
        await _harness.WaitFor("traced-approval", i => i.Steps.Any(s => s.Kind == "timer"));
        await _harness.Runner.RaiseEventAsync("traced-approval", "Approve", "ann", cancellationToken: Ct);
        foreach (var id in new[] { "traced-sum", "traced-timeout", "traced-approval" }) await _harness.Finished(id);

        var history = new List<RecordedEvent>();
        foreach (var id in new[] { "traced-sum", "traced-timeout", "traced-approval" })
            history.AddRange(await _harness.Events.ReadStreamAsync(SagaHistory.StreamOf(id), StreamReadOptions.All, Ct));
        Assert.Superset(
            new HashSet<string> { "saga.OrchestrationStarted", "saga.ActivityScheduled", "saga.ActivityCompleted", "saga.TimerCreated",
                "saga.TimerFired", "saga.EventRaised", "saga.CustomStatusSet", "saga.OrchestrationCompleted" },
            history.Select(e => e.Type).ToHashSet());
        Assert.All(history, e => Assert.Equal("corr-saga", e.Metadata.CorrelationId));
        Assert.All(history.Where(e => e.Type == "saga.OrchestrationStarted"), e => Assert.Equal("cause-1", e.Metadata.CausationId));
    }

    [Fact]
    public async Task Given_a_saga_started_without_a_correlation_id_Then_its_history_carries_none()
    {
        await _harness.Runner.StartAsync("Sum", "untraced-sum", new[] { 1 }, cancellationToken: Ct);
        await _harness.Finished("untraced-sum");

        var history = await _harness.Events.ReadStreamAsync(SagaHistory.StreamOf("untraced-sum"), StreamReadOptions.All, Ct);

        Assert.All(history, e => Assert.Equal(EventMetadata.Empty, e.Metadata));
    }

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();
}
