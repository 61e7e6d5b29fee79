using EventSourcing.Projections;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Tests.Projections;

public sealed class RebuildTests : IAsyncDisposable
{
    private readonly ProjectionHarness _harness = new(new ProjectionRunnerOptions { PageSize = 2 });

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Reads_answer_from_the_old_version_until_the_rebuilt_one_reaches_the_head_and_takes_over()
    {
        await GivenAccountsProjectedByV1();

        // When the projection code changes and a rebuild is asked for
        _harness.Balances.Label = "v2";
        var generation = await _harness.Runner.RebuildAsync(AccountBalances.ProjectionName);
        await _harness.Runner.RunOnceAsync(TestContext.Current.CancellationToken); // one page of the new version

        Assert.Equal(2, generation);
        Assert.Equal("v1", (await _harness.Balance("account-3"))!.Label);
        var statuses = await _harness.Statuses();
        Assert.Equal([(1, ProjectionStatus.Running), (2, ProjectionStatus.Rebuilding)], statuses.Select(s => (s.Version, s.Status)));
        Assert.Equal(2, statuses[1].Checkpoint);

        await _harness.Runner.CatchUpAsync();

        Assert.Equal(("v2", 10m), ((await _harness.Balance("account-3"))!.Label, (await _harness.Balance("account-3"))!.Balance));
        var status = Assert.Single(await _harness.Statuses());
        Assert.Equal((2, ProjectionStatus.Running, 0L), (status.Version, status.Status, status.Lag));
        Assert.Equal(0, _harness.Sql("SELECT COUNT(*) FROM documents WHERE generation = 1"));
    }

    [Fact]
    public async Task The_old_version_keeps_following_the_feed_during_a_rebuild()
    {
        await GivenAccountsProjectedByV1();
        await _harness.Runner.RebuildAsync(AccountBalances.ProjectionName);
        await _harness.Runner.RunOnceAsync(TestContext.Current.CancellationToken);

        await _harness.Append("account-1", new Deposited(5));
        await _harness.Runner.RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(15, (await _harness.Balance("account-1"))!.Balance);
        Assert.Contains(await _harness.Statuses(), s => s.Status == ProjectionStatus.Rebuilding);
    }

    [Fact]
    public async Task A_rebuild_asked_for_while_one_runs_returns_the_generation_being_built()
    {
        await GivenAccountsProjectedByV1();

        var first = await _harness.Runner.RebuildAsync(AccountBalances.ProjectionName);
        var second = await _harness.Runner.RebuildAsync(AccountBalances.ProjectionName);

        Assert.Equal((2, 2), (first, second));
        Assert.Equal(2, (await _harness.Statuses()).Count);
    }

    [Fact]
    public async Task Rebuilding_an_unknown_projection_is_a_typed_error()
    {
        var error = await Assert.ThrowsAsync<UnknownProjectionException>(() => _harness.Runner.RebuildAsync("no-such-projection"));

        Assert.IsAssignableFrom<KeyNotFoundException>(error);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_rebuild_carries_on_from_where_it_stopped()
    {
        await GivenAccountsProjectedByV1();
        _harness.Balances.Label = "v2";
        await _harness.Runner.RebuildAsync(AccountBalances.ProjectionName);
        await _harness.Runner.RunOnceAsync(TestContext.Current.CancellationToken);
        await _harness.Runner.RunOnceAsync(TestContext.Current.CancellationToken);

        _harness.Restart();

        var building = Assert.Single(await _harness.Statuses(), s => s.Status == ProjectionStatus.Rebuilding);
        Assert.Equal((2, 4L), (building.Version, building.Checkpoint));
        Assert.Equal("v1", (await _harness.Balance("account-1"))!.Label);
        await _harness.Runner.CatchUpAsync();
        Assert.Equal(2, Assert.Single(await _harness.Statuses()).Version);
        Assert.All(await Task.WhenAll(Enumerable.Range(1, 3).Select(i => _harness.Balance($"account-{i}"))), a => Assert.Equal("v2", a!.Label));
    }

    private async Task GivenAccountsProjectedByV1()
    {
        for (var i = 1; i <= 3; i++)
            await _harness.Append($"account-{i}", new Opened($"owner-{i}"), new Deposited(10));
        await _harness.Runner.CatchUpAsync();
    }
}
