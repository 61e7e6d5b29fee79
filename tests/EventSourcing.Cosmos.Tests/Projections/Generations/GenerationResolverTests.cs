using EventSourcing.Cosmos.Projections.Generations;
using EventSourcing.Cosmos.Tests.Support;

namespace EventSourcing.Cosmos.Tests.Projections.Generations;

public sealed class GenerationResolverTests
{
    private readonly InMemoryGenerations _records = new();
    private readonly ManualClock _clock = new(Commits.At);

    [Fact]
    public async Task Reads_go_to_the_active_generation()
    {
        var resolver = new GenerationResolver(_records, _clock);
        _records.Put(new("p", 2, 3));

        Assert.Equal("p@v2", await resolver.ActiveNameAsync("p", TestContext.Current.CancellationToken));
        Assert.Equal("q", await resolver.ActiveNameAsync("q", TestContext.Current.CancellationToken)); // no record: generation 1
    }

    [Fact]
    public async Task A_record_is_read_once_per_cache_period_so_a_switch_shows_up_that_late_at_most()
    {
        var resolver = new GenerationResolver(_records, _clock, TimeSpan.FromSeconds(5));
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal("p", await resolver.ActiveNameAsync("p", ct));
        _records.Put(new("p", 2, null)); // switched by another instance

        _clock.Advance(TimeSpan.FromSeconds(4));
        var stale = await resolver.ActiveNameAsync("p", ct);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var fresh = await resolver.ActiveNameAsync("p", ct);

        Assert.Equal(("p", "p@v2", 2), (stale, fresh, _records.Reads));
    }

    [Fact]
    public async Task What_this_process_wrote_itself_is_followed_at_once()
    {
        var resolver = new GenerationResolver(_records, _clock);
        await resolver.GetAsync("p", TestContext.Current.CancellationToken);

        resolver.Remember(new("p", 2, null));

        Assert.Equal(("p@v2", 1), (await resolver.ActiveNameAsync("p", TestContext.Current.CancellationToken), _records.Reads));
    }

    [Fact]
    public async Task Without_a_generations_store_generation_one_is_always_active_and_nothing_is_read()
    {
        var resolver = new GenerationResolver(null, _clock);
        resolver.Remember(new("p", 2, null));

        Assert.Equal(GenerationsRecord.Initial("p"), await resolver.GetAsync("p", TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_cached_record_is_fresh_for_the_cache_period_only()
    {
        var ttl = TimeSpan.FromSeconds(5);

        Assert.True(GenerationResolver.IsFresh(Commits.At, Commits.At, ttl));
        Assert.True(GenerationResolver.IsFresh(Commits.At, Commits.At + TimeSpan.FromSeconds(4.9), ttl));
        Assert.False(GenerationResolver.IsFresh(Commits.At, Commits.At + ttl, ttl));
        Assert.False(GenerationResolver.IsFresh(Commits.At, Commits.At - TimeSpan.FromSeconds(1), ttl)); // the clock went back: read again
    }
}
