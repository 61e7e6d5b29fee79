using EventSourcing.Sagas;
using EventSourcing.Sagas.History;
using EventSourcing.Store;
using EventSourcing.Tests.Support;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Tests.Sagas;

/// <summary>What survives a stop: histories, due timers, steps in flight; and what a replay refuses: changed code.</summary>
public sealed class RestartTests : IAsyncDisposable
{
    private readonly TestOrchestrations _code = new();
    private readonly CapturingLoggers _logs = new();
    private readonly SagaHarness _harness;

    public RestartTests() => _harness = new SagaHarness(_code.Registry, _logs);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_durable_timer_that_fell_due_while_the_host_was_down_fires_after_it_comes_back()
    {
        // Time moves only when the test moves it: the timer cannot fire before the stop, and falls due while down.
        var clock = new TimerCountingClock();
        await using var harness = new SagaHarness(_code.Registry, _logs, clock);
        await harness.Runner.StartAsync("Approval", "timer-restart", 1.0, cancellationToken: Ct);
        await harness.WaitFor("timer-restart", i => i.Steps.Any(s => s.Kind == "timer"));

        await harness.StopAsync();
        await clock.UntilArmed(0); // the stopped host holds no timer: whatever fires next is the new host's doing
        clock.Advance(TimeSpan.FromSeconds(2));
        await harness.RestartAsync();

        var done = await harness.Finished("timer-restart");
        Assert.Equal(SagaStatus.Completed, done.Status);
        Assert.Equal("fired", done.Steps.Single(s => s.Kind == "timer").Status);
    }

    [Fact]
    public async Task A_step_in_flight_at_a_stop_runs_again_after_the_restart_and_is_recorded_once()
    {
        await _harness.Runner.StartAsync("SlowThenEvent", "crash-mid-step", "", cancellationToken: Ct);
        await _harness.WaitFor("crash-mid-step", _ => _code.SlowRuns == 1);

        _code.SlowGate = CompletedGate();
        await _harness.RestartAsync();
        await _harness.WaitFor("crash-mid-step", i => i.Steps.Any(s => s.Status == "completed"));
        await _harness.Runner.RaiseEventAsync("crash-mid-step", "Go", "resumed", cancellationToken: Ct);

        var done = await _harness.Finished("crash-mid-step");
        Assert.Equal(SagaStatus.Completed, done.Status);
        Assert.Equal(2, _code.SlowRuns);
        var history = await _harness.Events.ReadStreamAsync(SagaHistory.StreamOf("crash-mid-step"), StreamReadOptions.All, Ct);
        Assert.Single(history, e => e.Type == "saga.ActivityCompleted");
    }

    [Fact]
    public async Task A_replay_that_asks_for_other_work_than_the_history_fails_the_instance_as_not_deterministic()
    {
        await _harness.Runner.StartAsync("Changing", "changed", "", cancellationToken: Ct);
        await _harness.WaitFor("changed", i => i.Steps.Any(s => s.Status == "completed"));

        _code.ChangedCode = true;
        _code.SlowGate = CompletedGate();
        await _harness.RestartAsync();
        await _harness.Runner.RaiseEventAsync("changed", "Go", "now", cancellationToken: Ct);

        var done = await _harness.Finished("changed");
        Assert.Equal(SagaStatus.Failed, done.Status);
        Assert.Contains("not deterministic", done.Reason);
        Assert.Contains("step 0 is activity 'Add' in the history, but the orchestrator asked for activity 'Slow'", done.Reason);
        Assert.Equal(0, _code.SlowRuns);
    }

    [Fact]
    public async Task Running_instances_are_resumed_from_the_index_and_leave_it_when_they_end()
    {
        await _harness.Runner.StartAsync("Approval", "indexed", 30.0, cancellationToken: Ct);
        Assert.Contains("indexed", await _harness.Index.GetRunningAsync(Ct));

        await _harness.RestartAsync();
        await _harness.Runner.RaiseEventAsync("indexed", "Approve", "bob", cancellationToken: Ct);

        Assert.Equal(SagaStatus.Completed, (await _harness.Finished("indexed")).Status);
        await _harness.WaitFor("indexed", _ => !_harness.Index.GetRunningAsync(Ct).Result.Contains("indexed"));
    }

    [Fact]
    public async Task The_replay_safe_logger_writes_each_line_once_however_often_the_orchestrator_replays()
    {
        await _harness.Runner.StartAsync("Logged", "logged", "", cancellationToken: Ct);

        await _harness.Finished("logged");

        Assert.Equal(["before", "after one", "done"], _logs.Lines("saga-test"));
    }

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();
}

/// <summary>Keeps every message logged under each category, in order.</summary>
public sealed class CapturingLoggers : ILoggerFactory
{
    private readonly List<(string Category, string Message)> _lines = [];

    public IReadOnlyList<string> Lines(string category)
    {
        lock (_lines) return [.. _lines.Where(l => l.Category == category).Select(l => l.Message)];
    }

    public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName);

    public void AddProvider(ILoggerProvider provider) { }

    public void Dispose() { }

    private sealed class Capture(CapturingLoggers owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._lines) owner._lines.Add((category, formatter(state, exception)));
        }
    }
}
