using System.Text.Json;
using EventSourcing.Sagas;
using EventSourcing.Sagas.History;
using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Tests.Sagas;

public sealed class RunnerTests : IAsyncDisposable
{
    private readonly TestOrchestrations _code = new();
    private readonly SagaHarness _harness;

    public RunnerTests() => _harness = new SagaHarness(_code.Registry);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Activities_run_in_order_and_the_output_steps_and_custom_status_are_reported()
    {
        await _harness.Runner.StartAsync("Sum", "sum-1", new[] { 1, 2, 3 }, cancellationToken: Ct);

        var done = await _harness.Finished("sum-1");

        Assert.Equal(SagaStatus.Completed, done.Status);
        Assert.Equal(["completed", "completed", "completed"], done.Steps.Select(s => s.Status));
        Assert.All(done.Steps, s => Assert.Equal(("activity", "Add"), (s.Kind, s.Name)));
        Assert.Equal(6, done.CustomStatus!.Value.GetProperty("total").GetInt32());
        Assert.Equal(3, _code.AddRuns); // three replays later, each activity still ran once
        Assert.True(done.UpdatedAt >= done.CreatedAt);
        // The instance leaves the running index just after its completion is written.
        await _harness.WaitFor("sum-1", _ => !_harness.Index.GetRunningAsync(Ct).Result.Contains("sum-1"));
    }

    [Fact]
    public async Task Starting_an_existing_instance_changes_nothing_and_returns_it()
    {
        await _harness.Runner.StartAsync("Sum", "sum-twice", new[] { 1, 2 }, cancellationToken: Ct);
        var again = await _harness.Runner.StartAsync("Sum", "sum-twice", new[] { 50, 50 }, cancellationToken: Ct);
        await _harness.Finished("sum-twice");

        Assert.Equal("sum-twice", again.SagaId);
        var history = await _harness.Events.ReadStreamAsync(SagaHistory.StreamOf("sum-twice"), StreamReadOptions.All, Ct);
        Assert.Single(history, e => e.Type == "saga.OrchestrationStarted");
        Assert.Equal(2, _code.AddRuns);
        var completed = history.Single(e => e.Type == "saga.OrchestrationCompleted");
        Assert.Equal(3, JsonDocument.Parse(completed.Data).RootElement.GetProperty("output").GetInt32());
    }

    [Fact]
    public async Task A_failing_activity_is_retried_by_its_policy()
    {
        _code.FailFirst(2);
        await _harness.Runner.StartAsync("Flaky", "flaky-ok", 3, cancellationToken: Ct);

        var done = await _harness.Finished("flaky-ok");

        Assert.Equal(SagaStatus.Completed, done.Status);
        Assert.Equal("completed", Assert.Single(done.Steps).Status);
    }

    [Fact]
    public async Task A_final_activity_failure_reaches_the_orchestrator_with_the_error_type_and_message()
    {
        _code.FailFirst(10);
        await _harness.Runner.StartAsync("Flaky", "flaky-bad", 2, cancellationToken: Ct);

        var done = await _harness.Finished("flaky-bad");

        var history = await _harness.Events.ReadStreamAsync(SagaHistory.StreamOf("flaky-bad"), StreamReadOptions.All, Ct);
        var output = JsonDocument.Parse(history[^1].Data).RootElement.GetProperty("output").GetString();
        Assert.Equal("Flaky failed: System.InvalidOperationException: the service is busy", output);
        Assert.Equal(("failed", "the service is busy"), (done.Steps[0].Status, done.Steps[0].Error));
    }

    [Fact]
    public async Task An_event_raised_before_the_orchestrator_waits_is_kept_and_delivered()
    {
        await _harness.Runner.StartAsync("SlowThenEvent", "early-event", "", cancellationToken: Ct);
        await _harness.WaitFor("early-event", i => _code.SlowRuns == 1);

        await _harness.Runner.RaiseEventAsync("early-event", "Go", "payload", cancellationToken: Ct);
        _code.SlowGate.SetResult();

        var done = await _harness.Finished("early-event");
        Assert.Equal(SagaStatus.Completed, done.Status);
        Assert.Equal(["activity", "event"], done.Steps.Select(s => s.Kind).Order());
    }

    [Fact]
    public async Task An_event_that_wins_the_race_cancels_the_timer_for_good()
    {
        // Time moves only when the test moves it, so the timer cannot fire before the event, nor unseen after it.
        var clock = new TimerCountingClock();
        await using var harness = new SagaHarness(_code.Registry, clock: clock);
        await harness.Runner.StartAsync("Approval", "approved", 2.0, cancellationToken: Ct);
        await harness.WaitFor("approved", i => i.Steps.Any(s => s.Kind == "timer"));
        await clock.UntilArmed(1); // the durable timer waits on the clock

        await harness.Runner.RaiseEventAsync("approved", "Approve", "ann", cancellationToken: Ct);
        var done = await harness.Finished("approved");
        await clock.UntilArmed(0); // the runner let go of it ...
        clock.Advance(TimeSpan.FromMinutes(1)); // ... so passing its due time has nothing left to fire

        Assert.Equal("approved by ann", await Output(harness, "approved"));
        var after = await harness.Runner.GetAsync("approved", Ct);
        Assert.Equal(done.Steps, after!.Steps); // the cancelled timer never fired into the history
        Assert.Equal("created", after.Steps.Single(s => s.Kind == "timer").Status);
    }

    [Fact]
    public async Task A_timer_that_wins_the_race_ends_the_wait()
    {
        await _harness.Runner.StartAsync("Approval", "late", 0.3, cancellationToken: Ct);
        await _harness.Runner.StartAsync("ApprovalWithTimeout", "late-2", 0.3, cancellationToken: Ct);

        await _harness.Finished("late");
        await _harness.Finished("late-2");

        Assert.Equal("timed out", await Output("late"));
        Assert.Equal("timed out", await Output("late-2"));
        Assert.Equal("fired", (await _harness.Runner.GetAsync("late", Ct))!.Steps.Single(s => s.Kind == "timer").Status);
    }

    [Fact]
    public async Task An_event_raised_twice_with_one_id_is_delivered_once()
    {
        var eventId = Guid.NewGuid();
        await _harness.Runner.StartAsync("Approval", "dedup", 30.0, cancellationToken: Ct);

        await _harness.Runner.RaiseEventAsync("dedup", "Approve", "ann", eventId, Ct);
        await _harness.Runner.RaiseEventAsync("dedup", "Approve", "ann", eventId, Ct);

        var done = await _harness.Finished("dedup");
        Assert.Single(done.Steps, s => s.Kind == "event");
    }

    [Fact]
    public async Task Unknown_instances_orchestrators_and_bad_ids_get_clear_errors()
    {
        Assert.Null(await _harness.Runner.GetAsync("never-started", Ct));
        await Assert.ThrowsAsync<SagaNotFoundException>(() => _harness.Runner.RaiseEventAsync("never-started", "Go", null, cancellationToken: Ct));
        await Assert.ThrowsAsync<UnknownOrchestrationException>(() => _harness.Runner.StartAsync("NoSuchSaga", "x-1", null, cancellationToken: Ct));
        await Assert.ThrowsAsync<InvalidStreamIdException>(() => _harness.Runner.StartAsync("Sum", "bad/id", new[] { 1 }, cancellationToken: Ct));
        Assert.Equal(0, await _harness.Events.GetStreamVersionAsync(SagaHistory.StreamOf("x-1"), Ct));
    }

    [Fact]
    public async Task New_guids_are_the_same_on_every_run_of_an_instance_and_differ_between_instances()
    {
        await _harness.Runner.StartAsync("Guids", "guids-a", "", cancellationToken: Ct);
        await _harness.Runner.StartAsync("Guids", "guids-b", "", cancellationToken: Ct);
        await _harness.Finished("guids-a");
        await _harness.Finished("guids-b");

        var a = (await Output<Guid[]>("guids-a"))!;
        var b = (await Output<Guid[]>("guids-b"))!;
        Assert.NotEqual(a[0], a[1]);
        Assert.Empty(a.Intersect(b));
        await using var other = new SagaHarness(_code.Registry);
        await other.Runner.StartAsync("Guids", "guids-a", "", cancellationToken: Ct);
        await other.Finished("guids-a");
        Assert.Equal(a, JsonSerializer.Deserialize<Guid[]>(
            JsonDocument.Parse((await other.Events.ReadStreamAsync(SagaHistory.StreamOf("guids-a"), StreamReadOptions.All, Ct))[^1].Data).RootElement.GetProperty("output")));
    }

    private Task<string?> Output(string instanceId) => Output<string>(instanceId);

    private Task<string?> Output(SagaHarness harness, string instanceId) => Output<string>(instanceId, harness);

    private async Task<T?> Output<T>(string instanceId, SagaHarness? harness = null)
    {
        var history = await (harness ?? _harness).Events.ReadStreamAsync(SagaHistory.StreamOf(instanceId), StreamReadOptions.All, Ct);
        var end = history.Single(e => e.Type == "saga.OrchestrationCompleted");
        return JsonDocument.Parse(end.Data).RootElement.GetProperty("output").Deserialize<T>();
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();
}
