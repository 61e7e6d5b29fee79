using System.Net;
using System.Text.Json.Nodes;
using EventSourcing.Feed;
using Microsoft.Extensions.Time.Testing;
using Ordering.LocalHost.Tests.Scenarios;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>
/// GET /api/events through the local host on its own SQLite store: pages in commit order with every event once, long
/// polls that answer when an event commits, bounds and bad cursors refused, the key required when one is set.
/// </summary>
public sealed class EventFeedHostTests : IAsyncDisposable
{
    private readonly InProcessApi _api = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Small_pages_return_every_event_of_orders_and_a_checkout_once_in_commit_order()
    {
        var client = _api.CreateClient();
        var checkout = new CheckoutDriver(client);
        var sku = await checkout.GivenStock(5);
        var orderId = await checkout.GivenOrder((sku, 2));
        await checkout.GivenOrder((sku, 1), ("other-sku", 3));
        var sagaUrl = await checkout.CheckoutAwaitingPayment(orderId);
        Assert.Equal(HttpStatusCode.Accepted, (await client.Post($"/api/payments/{orderId}/confirm", new { amount = 20m })).StatusCode);
        Assert.Equal("Completed", (await checkout.Finished(sagaUrl)).Value<string>("status"));

        var whole = await ReadToEnd(client, "maxCount=1000");
        var paged = await ReadToEnd(client, "maxCount=3");

        Assert.Equal(Ids(whole), Ids(paged));
        Assert.Equal(Ids(paged).Distinct().Count(), paged.Count);
        var positions = paged.Select(e => e.Value<long>("position")).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions.Count, positions.Distinct().Count());
        foreach (var stream in paged.GroupBy(e => e.Value<string>("streamId")))
        {
            // Each stream's events are its audit trail, in version order, with the same envelope.
            var trail = (await (await client.Get($"/api/streams/{stream.Key}/events?maxCount=1000")).Json())["events"]!.AsArray();
            Assert.Equal(trail.Select(e => e!.ToJsonString()), stream.Select(WithoutStream));
        }
        var types = paged.Select(e => e.Value<string>("type")).ToHashSet();
        Assert.Superset(new HashSet<string> { "StockAdded", "OrderCreated", "CheckoutRequested", "StockReserved", "PaymentConfirmed", "OrderConfirmed" }, types);
        Assert.Contains(paged, e => e.Value<string>("streamId") == $"order-{orderId}");
    }

    [Fact]
    public async Task Filters_by_type_stream_prefix_and_time_apply_on_the_server()
    {
        var client = _api.CreateClient();
        var checkout = new CheckoutDriver(client);
        var sku = await checkout.GivenStock(5);
        await checkout.GivenOrder((sku, 1), ("b", 1));
        var all = await ReadToEnd(client, "maxCount=1000");
        var later = await checkout.GivenOrder((sku, 2));

        var created = await ReadToEnd(client, "types=OrderCreated,StockAdded&maxCount=1");
        var orders = await ReadToEnd(client, "streamPrefix=order-&maxCount=2");
        var instant = all[^1].Value<DateTimeOffset>("timestamp");
        var since = await ReadToEnd(client, $"since={Uri.EscapeDataString(all[^1].Value<string>("timestamp"))}&maxCount=2");

        Assert.Equal(["StockAdded", "OrderCreated", "OrderCreated"], created.Select(e => e.Value<string>("type")));
        Assert.All(orders, e => Assert.StartsWith("order-", e.Value<string>("streamId"), StringComparison.Ordinal));
        Assert.Equal(2, orders.Select(e => e.Value<string>("streamId")).Distinct().Count());
        // The last commit before the later order is at the instant itself; everything after it is the later order's.
        var before = Ids(all).ToHashSet();
        Assert.Equal(Ids(all.Where(e => e.Value<DateTimeOffset>("timestamp") >= instant).ToList()), Ids(since).Where(before.Contains));
        Assert.Equal(["OrderCreated", "ItemAdded"], since.Where(e => !before.Contains(e.Value<string>("eventId"))).Select(e => e.Value<string>("type")));
        Assert.All(since.Where(e => !before.Contains(e.Value<string>("eventId"))), e => Assert.Equal($"order-{later}", e.Value<string>("streamId")));
    }

    [Fact]
    public async Task A_long_poll_answers_as_soon_as_an_event_is_appended()
    {
        _api.Clock = new FakeTimeProvider(DateTimeOffset.UtcNow); // never moved: only the commit can end the wait
        var client = _api.CreateClient();
        await new CheckoutDriver(client).GivenStock(1);
        var cursor = await CursorAtEnd(client);

        var waiting = client.Get($"/api/events?after={cursor}&waitSeconds=30");
        var orderId = await new CheckoutDriver(client).GivenOrder(("sku-a", 1));
        var page = await (await waiting.WaitAsync(TimeSpan.FromMinutes(1), Cancel)).Json();

        var first = page["events"]!.AsArray()[0]!;
        Assert.Equal(("OrderCreated", $"order-{orderId}"), (first.Value<string>("type"), first.Value<string>("streamId")));
        Assert.NotEqual(cursor, page.Value<string>("next"));
    }

    [Fact]
    public async Task A_long_poll_with_nothing_new_waits_out_waitSeconds_then_answers_an_empty_page_with_the_same_cursor()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _api.Clock = clock;
        var client = _api.CreateClient();
        await new CheckoutDriver(client).GivenStock(1);
        var cursor = await CursorAtEnd(client);

        var waiting = client.Get($"/api/events?after={cursor}&waitSeconds=5");
        var advanced = 0;
        while (!waiting.IsCompleted && advanced < 120)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            advanced++;
            await Task.WhenAny(waiting, Task.Delay(20, Cancel));
        }
        var page = await (await waiting).Json();

        Assert.InRange(advanced, 5, 119);
        Assert.Empty(page["events"]!.AsArray());
        Assert.Equal(cursor, page.Value<string>("next"));
    }

    [Theory]
    [InlineData("maxCount=0", "maxCount")]
    [InlineData("maxCount=1001", "maxCount")]
    [InlineData("maxCount=ten", "maxCount")]
    [InlineData("waitSeconds=31", "waitSeconds")]
    [InlineData("waitSeconds=-1", "waitSeconds")]
    [InlineData("after=not-a-cursor", "after")]
    [InlineData("after=e30", "after")]
    [InlineData("since=yesterday", "since")]
    [InlineData("types=,,", "types")]
    public async Task Bad_parameters_are_a_400_naming_the_parameter(string query, string parameter)
    {
        var response = await _api.CreateClient().Get($"/api/events?{query}");

        await OrderingApiScenarios.AssertProblemOf(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.NotNull((await response.Json())["errors"]![parameter]);
    }

    [Fact]
    public async Task A_cursor_of_another_store_is_a_400_not_a_restart_from_the_beginning()
    {
        var client = _api.CreateClient();
        await new CheckoutDriver(client).GivenStock(1);
        var cosmos = FeedCursor.Encode("cosmos", new { c = "[]" });

        var response = await client.Get($"/api/events?after={cosmos}");

        await OrderingApiScenarios.AssertProblemOf(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains("cosmos", (await response.Json()).Value<string>("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_api_key_set_the_feed_needs_it()
    {
        _api.Settings["Auth:ApiKey"] = "feed-key";
        var client = _api.CreateClient();

        var without = await client.Get("/api/events");
        var with = await client.Get("/api/events", ("X-Api-Key", "feed-key"));

        await OrderingApiScenarios.AssertProblemOf(without, HttpStatusCode.Unauthorized, "api-key-required");
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    /// <summary>Follows <c>next</c> until an empty page: on a store of its own with no filter, that is the end.</summary>
    private static async Task<List<JsonNode>> ReadToEnd(HttpClient client, string query)
    {
        var events = new List<JsonNode>();
        string? cursor = null;
        for (var pages = 0; pages < 10_000; pages++)
        {
            var response = await client.Get($"/api/events?{query}{(cursor is null ? "" : $"&after={cursor}")}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Json();
            var batch = page["events"]!.AsArray().Select(e => e!).ToList();
            events.AddRange(batch);
            var next = page.Value<string>("next");
            if (batch.Count == 0 && next == cursor) return events;
            cursor = next;
        }
        throw new InvalidOperationException("the feed never reached its end");
    }

    private static async Task<string> CursorAtEnd(HttpClient client)
    {
        string? cursor = null;
        while (true)
        {
            var page = await (await client.Get($"/api/events?maxCount=1000{(cursor is null ? "" : $"&after={cursor}")}")).Json();
            var next = page.Value<string>("next");
            if (page["events"]!.AsArray().Count == 0) return next;
            cursor = next;
        }
    }

    private static List<string> Ids(List<JsonNode> events) => [.. events.Select(e => e.Value<string>("eventId"))];

    private static string WithoutStream(JsonNode e)
    {
        var copy = e.DeepClone().AsObject();
        copy.Remove("streamId");
        return copy.ToJsonString();
    }
}
