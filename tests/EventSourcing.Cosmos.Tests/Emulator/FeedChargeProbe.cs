using System.Globalization;
using EventSourcing.Cosmos.Feed;
using EventSourcing.Cosmos.Store;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Feed;
using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Cosmos.Tests.Emulator;

/// <summary>
/// What reading the feed costs on Cosmos, from the charges the reader records per request: a full page, small pages
/// resuming inside a change-feed page, a filtered read and a caught-up poll. Printed to the test output and, in GitHub
/// Actions, to the job summary, for docs/cosmos-costs.md; asserted only loosely. Needs Cosmos, else skipped.
/// </summary>
public sealed class FeedChargeProbe
{
    [Fact]
    public async Task Reading_the_feed_costs_what_the_cost_document_lists()
    {
        var container = (await CosmosEnvironment.DatabaseAsync()).GetContainer(CosmosEnvironment.Names.Events);
        var log = new CapturingLogger();
        var reader = new CosmosFeedReader(container, logger: new ForwardingLogger<CosmosFeedReader>(log));
        var store = new CosmosEventStore(container);
        var ct = TestContext.Current.CancellationToken;
        var start = await CaughtUp(reader, null);
        var prefix = TestEvents.Stream("feed-cost") + "-";
        for (var i = 0; i < 10; i++) await store.AppendAsync(prefix + (i % 3), ExpectedVersion.Any, TestEvents.Many(2), ct);
        var rows = new List<(string Read, int Events, double Requests, double Charge)>();

        async Task<FeedPage> Measure(string kind, FeedRequest request)
        {
            var before = log.Entries.Count;
            var page = await reader.ReadAsync(request, ct);
            var reads = log.Entries.Skip(before).Where(e => e.Message.StartsWith("Feed read of", StringComparison.Ordinal)).ToList();
            rows.Add((kind, page.Events.Count, reads.Sum(e => Convert.ToDouble(e.Values["Requests"], CultureInfo.InvariantCulture)),
                reads.Sum(e => (double)e.Values["RequestCharge"]!)));
            return page;
        }

        var whole = await Measure("20 events (10 commits), maxCount=100", new FeedRequest { After = start, MaxCount = 100 });
        var small = await Measure("first 5 of them, maxCount=5", new FeedRequest { After = start, MaxCount = 5 });
        await Measure("the next 5, resuming inside the page", new FeedRequest { After = small.Next, MaxCount = 5 });
        await Measure("types filter, 10 change-feed pages at most", new FeedRequest { After = start, Filter = new FeedFilter(new HashSet<string> { "Nothing" }) });
        var end = await CaughtUp(reader, whole.Next);
        await Measure("caught up: nothing new (304 from every feed range)", new FeedRequest { After = end });

        var table = string.Join(Environment.NewLine, ["| feed read | events | change-feed requests | RU |", "|---|---|---|---|",
            .. rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"| {r.Read} | {r.Events} | {r.Requests} | {r.Charge:0.##} |"))]);
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
            await File.AppendAllTextAsync(summary, $"{Environment.NewLine}### Cosmos feed read costs (emulator){Environment.NewLine}{table}{Environment.NewLine}", ct);
        Assert.True(whole.Events.Count >= 20);
        Assert.Equal(5, small.Events.Count);
        Assert.All(rows, r => Assert.InRange(r.Charge, 0.1, 500));
    }

    private static async Task<string> CaughtUp(CosmosFeedReader reader, string? cursor)
    {
        while (true)
        {
            var page = await reader.ReadAsync(new FeedRequest { After = cursor, MaxCount = 1000 }, TestContext.Current.CancellationToken);
            cursor = page.Next;
            if (page.CaughtUp) return cursor;
        }
    }
}
