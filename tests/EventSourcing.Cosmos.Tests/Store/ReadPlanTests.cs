using System.Text.RegularExpressions;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Setup;
using EventSourcing.Cosmos.Store;
using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Cosmos.Tests.Store;

public sealed partial class ReadPlanTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 8, 30, 0, TimeSpan.Zero);

    // One commit holding versions 4 to 8.
    private static readonly CommitDocument Commit = DocumentMapper.ToCommit("s", 4, At, TestEvents.Many(5));

    [Fact]
    public void A_forward_read_asks_only_for_commits_that_overlap_the_range_in_version_order()
    {
        var plan = ReadPlan.For(new StreamReadOptions(FromVersion: 5, UntilVersion: 7));

        Assert.Equal("SELECT * FROM c WHERE c.kind = 'commit' AND c.last >= @from AND c.first <= @until ORDER BY c.first ASC", plan.Query);
        Assert.Equal(new Dictionary<string, object> { ["@from"] = 5L, ["@until"] = 7L }, plan.Parameters);
        Assert.Equal([5L, 6L, 7L], plan.Select(Commit).Select(e => e.Version));
    }

    [Fact]
    public void A_backward_read_starts_at_the_lower_of_from_and_until_and_returns_newest_first()
    {
        var plan = ReadPlan.For(new StreamReadOptions(ReadDirection.Backward, FromVersion: 9, UntilVersion: 6));

        Assert.EndsWith("AND c.first <= @start ORDER BY c.first DESC", plan.Query, StringComparison.Ordinal);
        Assert.Equal(6L, plan.Parameters["@start"]);
        Assert.Equal([6L, 5L, 4L], plan.Select(Commit).Select(e => e.Version));
    }

    [Fact]
    public void A_read_as_of_an_instant_compares_commit_timestamps_as_fixed_width_text()
    {
        var plan = ReadPlan.For(new StreamReadOptions(Until: At));

        Assert.Contains("c.timestamp <= @instant", plan.Query, StringComparison.Ordinal);
        Assert.Equal("2026-11-22T08:30:00.0000000Z", plan.Parameters["@instant"]);
    }

    [Fact]
    public void A_whole_stream_read_keeps_every_event_of_every_commit()
    {
        var forward = ReadPlan.For(StreamReadOptions.All);
        var backward = ReadPlan.For(new StreamReadOptions(ReadDirection.Backward));

        Assert.Empty(forward.Parameters);
        Assert.Equal([4L, 5L, 6L, 7L, 8L], forward.Select(Commit).Select(e => e.Version));
        Assert.Equal([8L, 7L, 6L, 5L, 4L], backward.Select(Commit).Select(e => e.Version));
    }

    [Fact]
    public void Every_property_the_store_filters_or_orders_on_is_indexed_in_the_events_container()
    {
        // The events container indexes only what queries need (writes stay cheap); an ORDER BY or filter on a
        // path left out fails or scans. A new query condition must come with its index path, here and in Bicep.
        var indexed = CosmosSetup.EventsIndexing().IncludedPaths.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        string[] queries =
        [
            ReadPlan.For(new StreamReadOptions(FromVersion: 1, UntilVersion: 2, Until: At)).Query,
            ReadPlan.For(new StreamReadOptions(ReadDirection.Backward, FromVersion: 1)).Query,
            EventIdLookup.Query(TestEvents.Many(1)),
        ];

        var paths = queries.SelectMany(q => Property().Matches(q).Select(m => m.Groups[1].Value == "e" ? $"/events/[]/{m.Groups[2].Value}/?" : $"/{m.Groups[2].Value}/?"))
            .Distinct().ToList();

        Assert.Equal(5, paths.Count); // kind, first, last, timestamp, events[].id
        Assert.All(paths, path => Assert.Contains(path, indexed));
    }

    // c.kind, e.id, … in WHERE and ORDER BY (the SELECT list needs no index).
    [GeneratedRegex(@"\b([ce])\.(\w+)\s*(?:=|<=|>=|IN|ASC|DESC)")]
    private static partial Regex Property();
}
