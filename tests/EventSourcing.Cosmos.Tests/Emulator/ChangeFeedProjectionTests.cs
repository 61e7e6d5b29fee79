using EventSourcing.Projections;
using EventSourcing.Tests.Projections;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Cosmos.Tests.Emulator;

/// <summary>Projections through the real change feed: needs COSMOS_CONNECTION_STRING or COSMOS_ENDPOINT, else skipped.</summary>
public sealed class ChangeFeedProjectionTests
{
    [Fact]
    public async Task Appended_events_reach_the_read_model_through_the_change_feed()
    {
        await using var harness = await ChangeFeedHarness.StartAsync();
        var stream = $"account-{Guid.NewGuid():N}";

        await harness.Append(stream, new Opened("alice"), new Deposited(100));
        var version = await harness.Append(stream, new Withdrawn(30));

        Assert.True(await harness.Applied(stream, version));
        Assert.Equal((70m, 3L), ((await harness.Balance(stream))!.Balance, (await harness.Balance(stream))!.Version));
        // Other tests write to the same container meanwhile, so the lag is only known not to be negative.
        var status = Assert.Single(await harness.Runtime.GetStatusAsync(TestContext.Current.CancellationToken));
        Assert.Equal((AccountBalances.ProjectionName, true), (status.Name, status.Lag >= 0));
    }

    [Fact]
    public async Task A_poison_event_is_parked_in_the_dead_letters_container_and_applied_by_a_retry_after_the_fix()
    {
        await using var harness = await ChangeFeedHarness.StartAsync();
        var stream = $"account-{Guid.NewGuid():N}";
        harness.Balances.FailWhen = e => e.StreamId == stream && e.StreamVersion == 2;

        await harness.Append(stream, new Opened("bob"), new Deposited(10));
        await harness.Append(stream, new Deposited(5));
        var parked = await ChangeFeedHarness.Eventually(async () =>
            (await harness.Runtime.GetDeadLettersAsync(AccountBalances.ProjectionName, TestContext.Current.CancellationToken))
                .Where(l => l.Event.StreamId == stream).ToList(), letters => letters.Count == 2);
        harness.Balances.FailWhen = null;
        var retry = await harness.Runtime.RetryDeadLettersAsync(AccountBalances.ProjectionName, TestContext.Current.CancellationToken);

        Assert.Equal([2L, 3L], parked.Select(l => l.Event.StreamVersion));
        Assert.True(retry.Applied >= 2);
        Assert.Equal(15m, (await harness.Balance(stream))!.Balance);
    }

    [Fact]
    public async Task Read_models_are_queried_by_property_a_page_at_a_time()
    {
        await using var harness = await ChangeFeedHarness.StartAsync();
        var owner = $"owner-{Guid.NewGuid():N}";
        string[] streams = [.. Enumerable.Range(0, 3).Select(i => $"account-{owner}-{i}")];
        foreach (var stream in streams) await harness.Append(stream, new Opened(owner));
        foreach (var stream in streams) Assert.True(await harness.Applied(stream, 1));

        var query = new ReadModelQuery { Limit = 2 }.Where("owner", owner);
        var first = await harness.ReadModels.QueryAsync<AccountBalance>(AccountBalances.ProjectionName, query, TestContext.Current.CancellationToken);
        var second = await harness.ReadModels.QueryAsync<AccountBalance>(
            AccountBalances.ProjectionName, query with { ContinuationToken = first.ContinuationToken }, TestContext.Current.CancellationToken);

        Assert.Equal(streams, first.Items.Concat(second.Items).Select(b => b.Id));
        Assert.Null(second.ContinuationToken);
    }
}
