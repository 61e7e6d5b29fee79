using System.Diagnostics;
using EventSourcing.Projections;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Tests.Projections;

public sealed class FollowingTheFeedTests : IAsyncDisposable
{
    // A poll far longer than the test's patience: only the store's new-event notification can wake the runner in time.
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
    public async Task A_running_runner_applies_a_new_event_within_a_second_of_its_append()
    {
        using var stop = new CancellationTokenSource();
        var running = _harness.Runner.RunAsync(stop.Token);
        await _harness.Runner.WaitForPositionAsync(AccountBalances.ProjectionName, 0, TimeSpan.FromSeconds(5));
        await Task.Delay(100, TestContext.Current.CancellationToken); // let it go idle

        var clock = Stopwatch.StartNew();
        await _harness.Append("account-1", new Opened("alice"));
        while (await _harness.Balance("account-1") is null && clock.Elapsed < TimeSpan.FromSeconds(5))
            await Task.Delay(10, TestContext.Current.CancellationToken);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"The document appeared after {clock.Elapsed}.");
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task Callers_can_wait_for_a_position_or_a_document_version_to_be_applied()
    {
        using var stop = new CancellationTokenSource();
        var running = _harness.Runner.RunAsync(stop.Token);

        var position = await _harness.Append("account-1", new Opened("alice"), new Deposited(7));

        Assert.True(await _harness.Runner.WaitForPositionAsync(AccountBalances.ProjectionName, position, TimeSpan.FromSeconds(5)));
        Assert.True(await _harness.Runner.WaitForDocumentVersionAsync(AccountBalances.ProjectionName, "account-1", "account-1", 2, TimeSpan.FromSeconds(5)));
        Assert.Equal(7, (await _harness.Balance("account-1"))!.Balance);
        Assert.False(await _harness.Runner.WaitForDocumentVersionAsync(AccountBalances.ProjectionName, "account-1", "account-1", 3, TimeSpan.FromMilliseconds(100)));
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_running_runner_survives_a_storage_failure_and_carries_on_once_it_clears()
    {
        await using var harness = new ProjectionHarness(new ProjectionRunnerOptions { ErrorDelay = TimeSpan.FromMilliseconds(20) });
        await harness.Runner.GetStatusAsync();
        harness.Sql("CREATE TRIGGER crash BEFORE UPDATE OF checkpoint ON generations BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
        using var stop = new CancellationTokenSource();
        var running = harness.Runner.RunAsync(stop.Token);
        var position = await harness.Append("account-1", new Opened("alice"));

        Assert.False(await harness.Runner.WaitForPositionAsync(AccountBalances.ProjectionName, position, TimeSpan.FromMilliseconds(200)));
        harness.Sql("DROP TRIGGER crash");

        Assert.True(await harness.Runner.WaitForPositionAsync(AccountBalances.ProjectionName, position, TimeSpan.FromSeconds(5)));
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
}
