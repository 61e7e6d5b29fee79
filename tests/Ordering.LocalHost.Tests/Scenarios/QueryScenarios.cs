using System.Net;
using System.Text.Json.Nodes;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.Scenarios;

public abstract partial class OrderingApiScenarios
{
    [Fact]
    public async Task Orders_list_by_customer_and_status_in_pages_that_cover_each_order_once()
    {
        var customerId = NewId("cust");
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
            created.Add((await (await Client.Post("/api/orders", new { customerId, items = new[] { Line("sku-a") } })).Json()).Value<string>("orderId"));
        await Client.Post($"/api/orders/{created[0]}/checkout");
        // Lists are eventually consistent: wait until the projection shows the checkout (the saga then moves it on).
        await Eventually(async () => (await (await Client.Get($"/api/orders?customerId={customerId}&status=Draft")).Json())["items"]!.AsArray().Count == 4);
        await Eventually(async () => (await (await Client.Get($"/api/orders?customerId={customerId}")).Json())["items"]!.AsArray().Count == 5);

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await (await Client.Get($"/api/orders?customerId={customerId}&limit=2" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}"))).Json();
            Assert.True(page["items"]!.AsArray().Count <= 2);
            seen.AddRange(page["items"]!.AsArray().Select(o => o!.Value<string>("orderId")));
            token = page["continuationToken"]?.GetValue<string>();
        } while (token is not null);
        var drafts = await (await Client.Get($"/api/orders?customerId={customerId}&status=Draft")).Json();

        Assert.Equal(created.Order(), seen.Order());
        Assert.Equal(created.Skip(1).Order(), drafts["items"]!.AsArray().Select(o => o!.Value<string>("orderId")).Order());
    }

    [Fact]
    public async Task A_malformed_list_query_gets_400()
    {
        await AssertProblem(await Client.Get("/api/orders?status=Lost"), HttpStatusCode.BadRequest);
        await AssertProblem(await Client.Get("/api/orders?limit=0"), HttpStatusCode.BadRequest);
        await AssertProblem(await Client.Get("/api/orders?continuationToken=%%%"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_order_as_it_was_at_a_version_or_an_instant_is_computed_from_its_events()
    {
        var (orderId, _, _) = await GivenOrder(Line("sku-a", 1, 10m));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(50, TestContext.Current.CancellationToken);
        await Client.Post($"/api/orders/{orderId}/items", Line("sku-b", 1, 5m));

        var atOne = await (await Client.Get($"/api/orders/{orderId}?atVersion=1")).Json();
        var asOf = await Client.Get($"/api/orders/{orderId}?asOf={Uri.EscapeDataString(between.ToString("O"))}");

        Assert.Equal((1L, 0m), (atOne.Value<long>("version"), atOne.Value<decimal>("total")));
        Assert.Equal("\"2\"", asOf.Header("ETag"));
        Assert.Equal(10m, (await asOf.Json()).Value<decimal>("total"));
        await AssertProblem(await Client.Get($"/api/orders/{orderId}?asOf=yesterday"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_audit_trail_pages_a_stream_forward_and_backward_with_envelopes()
    {
        var (orderId, _, _) = await GivenOrder(Line("sku-a"), Line("sku-b"), Line("sku-c"));

        var forward = await (await Client.Get($"/api/streams/order-{orderId}/events?fromVersion=2&maxCount=2")).Json();
        var backward = await (await Client.Get($"/api/streams/order-{orderId}/events?direction=backward&maxCount=2")).Json();

        Assert.Equal(4, forward.Value<long>("version"));
        Assert.Equal(new long[] { 2, 3 }, Versions(forward));
        Assert.Equal(new long[] { 4, 3 }, Versions(backward));
        var first = forward["events"]![0]!;
        Assert.Equal("ItemAdded", first.Value<string>("type"));
        Assert.Equal(2, first.Value<int>("schemaVersion"));
        Assert.Equal("sku-a", first.Value<string>("data.sku"));
        Assert.NotEqual(default, first.Value<Guid>("eventId"));
        await AssertProblem(await Client.Get($"/api/streams/{NewId("none")}/events"), HttpStatusCode.NotFound);
        await AssertProblem(await Client.Get($"/api/streams/order-{orderId}/events?direction=sideways"), HttpStatusCode.BadRequest);
    }

    private static long[] Versions(JsonNode page) => [.. page["events"]!.AsArray().Select(e => e!.Value<long>("version"))];
}
