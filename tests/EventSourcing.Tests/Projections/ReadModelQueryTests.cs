using EventSourcing.Projections;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Tests.Projections;

public sealed class ReadModelQueryTests : IAsyncDisposable
{
    private readonly ProjectionHarness _harness = new();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Paging_through_a_filtered_query_returns_every_match_exactly_once_in_key_order()
    {
        // 30 accounts: owners alternate alice/bob, every third one is Gold
        for (var i = 0; i < 30; i++)
            await _harness.Append($"account-{i:D2}", new Opened(i % 2 == 0 ? "alice" : "bob"), new Deposited(i % 3 == 0 ? 150 : 10));
        await _harness.Runner.CatchUpAsync();
        var expected = Enumerable.Range(0, 30).Where(i => i % 2 == 0 && i % 3 == 0).Select(i => $"account-{i:D2}").ToList();

        var seen = new List<AccountBalance>();
        var pages = 0;
        var query = new ReadModelQuery { Limit = 2 }.Where("owner", "alice").Where("tier", "Gold");
        do
        {
            var page = await _harness.ReadModels.QueryAsync<AccountBalance>(AccountBalances.ProjectionName, query);
            seen.AddRange(page.Items);
            pages++;
            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null);

        Assert.Equal(expected, seen.Select(a => a.Id)); // account-00, 06, 12, 18, 24: each once, in key order
        Assert.All(seen, a => Assert.Equal(("alice", "Gold"), (a.Owner, a.Tier)));
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Filters_compare_numbers_and_null_with_the_stored_json()
    {
        await _harness.Append("account-1", new Opened("alice"), new Deposited(150));
        await _harness.Append("account-2", new Opened("bob"), new Deposited(10));
        await _harness.Runner.CatchUpAsync();

        var rich = await _harness.ReadModels.QueryAsync<AccountBalance>(AccountBalances.ProjectionName, new ReadModelQuery().Where("balance", 150m));
        var nobody = await _harness.ReadModels.QueryAsync<AccountBalance>(AccountBalances.ProjectionName, new ReadModelQuery().Where("owner", null));
        var all = await _harness.ReadModels.QueryAsync<AccountBalance>(AccountBalances.ProjectionName, new ReadModelQuery());

        Assert.Equal("alice", Assert.Single(rich.Items).Owner);
        Assert.Empty(nobody.Items);
        Assert.Equal(["alice", "bob"], all.Items.Select(a => a.Owner));
        Assert.Null(all.ContinuationToken);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("aGVsbG8")] // valid base64url, not one of ours
    public async Task A_malformed_continuation_token_is_a_typed_error(string token)
    {
        var query = new ReadModelQuery { ContinuationToken = token };

        var error = await Assert.ThrowsAsync<InvalidContinuationTokenException>(
            () => _harness.ReadModels.QueryAsync<AccountBalance>(AccountBalances.ProjectionName, query));

        Assert.Equal("continuationToken", error.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task A_limit_outside_1_to_1000_is_refused(int limit)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _harness.ReadModels.QueryAsync<AccountBalance>(AccountBalances.ProjectionName, new ReadModelQuery { Limit = limit }));
    }

    [Fact]
    public async Task A_filter_on_a_nested_path_or_an_odd_value_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _harness.ReadModels.QueryAsync<AccountBalance>(AccountBalances.ProjectionName, new ReadModelQuery().Where("owner.name", "x")));
        await Assert.ThrowsAsync<ArgumentException>(
            () => _harness.ReadModels.QueryAsync<AccountBalance>(AccountBalances.ProjectionName, new ReadModelQuery().Where("owner", DateTime.UtcNow)));
    }
}
