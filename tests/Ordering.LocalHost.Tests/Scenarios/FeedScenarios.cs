using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.Scenarios;

public abstract partial class OrderingApiScenarios
{
    [Fact]
    public async Task The_feed_gives_an_orders_events_once_each_in_version_order_and_a_long_poll_gets_the_next_one()
    {
        // Given an order with two lines (since: a while before it, so a store other scenarios fill is not read from its start)
        var since = DateTimeOffset.UtcNow.AddMinutes(-2).ToString("O", CultureInfo.InvariantCulture);
        var (orderId, _, _) = await GivenOrder(Line("sku-a"), Line("sku-b"));
        var filter = $"streamPrefix=order-{orderId}&since={Uri.EscapeDataString(since)}";

        // When a subscriber follows the feed one event at a time
        var (events, cursor) = await FollowFeed(filter, after: null, count: 3);

        // Then it gets the order's events once each, in version order, with their stream
        Assert.Equal(["OrderCreated", "ItemAdded", "ItemAdded"], events.Select(e => e.Value<string>("type")));
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Value<long>("version")));
        Assert.All(events, e => Assert.Equal($"order-{orderId}", e.Value<string>("streamId")));

        // And a long poll from where it stopped answers with the next event once it is appended, and nothing seen before
        var waiting = FollowFeed(filter, cursor, count: 1, waitSeconds: 30);
        Assert.Equal(HttpStatusCode.OK, (await Client.Post($"/api/orders/{orderId}/items", Line("sku-c"))).StatusCode);
        var (next, _) = await waiting;
        Assert.Equal(("ItemAdded", 4L), (next[0].Value<string>("type"), next[0].Value<long>("version")));
    }

    [Fact]
    public async Task The_feed_refuses_a_cursor_it_did_not_issue_and_bounds_out_of_range()
    {
        await AssertProblem(await Client.Get("/api/events?after=not-a-cursor"), HttpStatusCode.BadRequest, "invalid-request");
        await AssertProblem(await Client.Get("/api/events?maxCount=1001"), HttpStatusCode.BadRequest, "invalid-request");
        await AssertProblem(await Client.Get("/api/events?waitSeconds=31"), HttpStatusCode.BadRequest, "invalid-request");
    }

    /// <summary>Follows <c>next</c> one event per page until <paramref name="count"/> events came (a bounded number of pages).</summary>
    private async Task<(List<JsonNode> Events, string Next)> FollowFeed(string filter, string? after, int count, int waitSeconds = 0)
    {
        var events = new List<JsonNode>();
        var cursor = after;
        for (var pages = 0; pages < 5_000 && events.Count < count; pages++)
        {
            var response = await Client.Get($"/api/events?maxCount=1&waitSeconds={waitSeconds}&{filter}{(cursor is null ? "" : $"&after={cursor}")}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Json();
            events.AddRange(page["events"]!.AsArray().Select(e => e!));
            cursor = page.Value<string>("next");
        }
        Assert.True(events.Count == count, $"{events.Count} of {count} events came");
        return (events, cursor!);
    }
}
