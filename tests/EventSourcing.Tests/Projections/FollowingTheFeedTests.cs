using EventSourcing.Projections;
using EventSourcing.Tests.Sagas;
using EventSourcing.Tests.Support;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Tests.Projections;

public sealed class FollowingTheFeedTests : IAsyncDisposable
{
    // A poll far longer than any wait of these tests: only the store's new-event notification wakes the runner in time.
    private readonly ProjectionHarness _harness = new(new ProjectionRunnerOptions { PollInterval = TimeSpan.FromMinutes(5) });

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Lag_is_the_head_minus_the_checkpoint_and_catching_up_brings_it_to_zero()
    {
        await _harness.Append("account-1", new Opened("alice"), new Deposited(1), new Deposited(2));
        await _harness.AppendForeign("saga-1");
        await _harness.Append("account-2", new Opened("bob"));

        var before = await _harness.Status();
        await _harness.Runner.CatchUpAsync();
        var after = await _harness.Status();

        Assert.Equal((0L, 5L, ProjectionStatus.CatchingUp), (before.Checkpoint, before.Lag, before.Status));
        Assert.Equal((5L, 0L, ProjectionStatus.Running, 1), (after.Checkpoint, after.Lag, after.Status, after.Version));
    }

    [Fact]
    public async Task A_running_runner_is_woken_by_the_append_itself_not_by_its_poll()
    {
        // The poll runs on a clock that never moves: only the store's new-event notification can wake the runner.
        var clock = new TimerCountingClock();
        await using var harness = new ProjectionHarness(new ProjectionRunnerOptions { TimeProvider = clock });
        using var stop = new CancellationTokenSource();
        var running = harness.Runner.RunAsync(stop.Token);
        await clock.UntilArmed(1); // idle: its poll is armed, so it waits for new events

        var position = await harness.Append("account-1", new Opened("alice"));

        // The runner's own timeout is on the stopped clock too: real time bounds a failing wait.
        Assert.True(await harness.Runner.WaitForPositionAsync(AccountBalances.ProjectionName, position, TimeSpan.FromDays(1))
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal("alice", (await harness.Balance("account-1"))!.Owner);
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task Callers_can_wait_for_a_position_or_a_document_version_to_be_applied()
    {
        using var stop = new CancellationTokenSource();
        var running = _harness.Runner.RunAsync(stop.Token);

        var position = await _harness.Append("account-1", new Opened("alice"), new Deposited(7));

        Assert.True(await _harness.Runner.WaitForPositionAsync(AccountBalances.ProjectionName, position, TimeSpan.FromSeconds(30)));
        Assert.True(await _harness.Runner.WaitForDocumentVersionAsync(AccountBalances.ProjectionName, "account-1", "account-1", 2, TimeSpan.FromSeconds(30)));
        Assert.Equal(7, (await _harness.Balance("account-1"))!.Balance);
        // Version 3 is never written, so the short wait ends in false however busy the machine is.
        Assert.False(await _harness.Runner.WaitForDocumentVersionAsync(AccountBalances.ProjectionName, "account-1", "account-1", 3, TimeSpan.FromMilliseconds(100)));
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_running_runner_survives_a_storage_failure_and_carries_on_once_it_clears()
    {
        var logs = new CapturingLoggers();
        await using var harness = new ProjectionHarness(new ProjectionRunnerOptions { ErrorDelay = TimeSpan.FromMilliseconds(20) }, logs);
        await harness.Runner.GetStatusAsync();
        harness.Sql("CREATE TRIGGER crash BEFORE UPDATE OF checkpoint ON generations BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
        using var stop = new CancellationTokenSource();
        var running = harness.Runner.RunAsync(stop.Token);
        var position = await harness.Append("account-1", new Opened("alice"));

        // It met the failure and tried again (two failed rounds logged), and still nothing was applied.
        await Until(() => logs.Lines(typeof(ProjectionRunner).FullName!).Count(l => l.Contains("failed", StringComparison.Ordinal)) >= 2);
        Assert.False(await harness.Runner.WaitForPositionAsync(AccountBalances.ProjectionName, position, TimeSpan.Zero));
        Assert.Null(await harness.Balance("account-1"));
        harness.Sql("DROP TRIGGER crash");

        Assert.True(await harness.Runner.WaitForPositionAsync(AccountBalances.ProjectionName, position, TimeSpan.FromSeconds(30)));
        Assert.Equal("alice", (await harness.Balance("account-1"))!.Owner);
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task Waiting_without_a_running_runner_times_out_with_false()
    {
        var position = await _harness.Append("account-1", new Opened("alice"));

        Assert.False(await _harness.Runner.WaitForPositionAsync(AccountBalances.ProjectionName, position, TimeSpan.FromMilliseconds(100)));
    }

    /// <summary>Waits for <paramref name="condition"/>; the 30 s bound only ends a failing wait.</summary>
    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
