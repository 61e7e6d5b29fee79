using System.Net;
using System.Text.Json.Nodes;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.Scenarios;

public abstract partial class OrderingApiScenarios
{
    [Fact]
    public async Task Health_says_the_store_is_reachable()
    {
        var response = await Client.Get("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await response.Json()).Value<string>("status"));
    }

    [Fact]
    public async Task The_openapi_document_describes_every_route()
    {
        var document = await (await Client.Get("/api/openapi.json")).Json();

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var route in new[] { "/api/orders", "/api/orders/{orderId}", "/api/orders/{orderId}/items", "/api/orders/{orderId}/items/{sku}",
                     "/api/orders/{orderId}/checkout", "/api/orders/{orderId}/ship", "/api/orders/{orderId}/cancel", "/api/payments/{orderId}/confirm",
                     "/api/payments/{orderId}/fail", "/api/inventory/{sku}/restock", "/api/inventory/{sku}", "/api/streams/{streamId}/events",
                     "/api/projections", "/api/projections/{name}/rebuild", "/api/projections/{name}/deadletters",
                     "/api/projections/{name}/deadletters/retry", "/api/customers/{customerId}/summary", "/api/health" })
            Assert.Contains(route, paths);
        var create = document["paths"]!["/api/orders"]!["post"]!;
        Assert.NotNull(create["requestBody"]);
        Assert.All(new[] { "201", "400", "409", "412", "422" }, status => Assert.NotNull(create["responses"]![status]));
    }

    [Fact]
    public async Task Projections_report_their_version_checkpoint_and_lag()
    {
        var (orderId, _, version) = await GivenOrder(Line("sku-a"));
        await OrderAt(orderId, version);

        var projections = (await (await Client.Get("/api/projections")).Json()).AsArray();

        var names = projections.Select(p => p!.Value<string>("name")).ToList();
        Assert.Contains("order-details", names);
        Assert.All(projections, p =>
        {
            Assert.True(p!.Value<long>("version") >= 1);
            Assert.True(p.Value<long>("lag") >= 0);
            Assert.True(p.Value<long>("checkpoint") >= 0);
        });
    }

    [Fact]
    public async Task A_rebuild_fills_a_new_version_while_the_old_one_keeps_answering()
    {
        Assert.SkipWhen(RebuildUnsupported is not null, RebuildUnsupported ?? "");
        var (orderId, _, version) = await GivenOrder(Line("sku-a", 2, 3m));
        await OrderAt(orderId, version);
        var before = Version(await Projection("order-details"));

        var response = await Client.Post("/api/projections/order-details/rebuild");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(6m, (await OrderAt(orderId, version)).Value<decimal>("total")); // answered during the rebuild too
        await CheckoutDriver.Eventually(async () => Version(await Projection("order-details")) > before, RebuildSeconds);
        Assert.Equal(6m, (await OrderAt(orderId, version)).Value<decimal>("total"));
        await AssertProblem(await Client.Post("/api/projections/no-such-projection/rebuild"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stream_is_found_by_its_prefix_with_its_version()
    {
        var sku = NewId("sku-listed");
        Assert.Equal(HttpStatusCode.OK, (await Client.Post($"/api/inventory/{sku}/restock", new { quantity = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.Post($"/api/inventory/{sku}/restock", new { quantity = 3 })).StatusCode);

        var page = await (await Client.Get($"/api/streams?prefix=inventory-{sku}")).Json();

        var stream = Assert.Single(page["streams"]!.AsArray());
        Assert.Equal($"inventory-{sku}", stream.Value<string>("streamId"));
        Assert.Equal(2, stream.Value<long>("version"));
        await AssertProblem(await Client.Get("/api/streams?maxCount=0"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_checkout_waiting_for_its_payment_is_listed_among_the_running_sagas()
    {
        var sku = await new CheckoutDriver(Client).GivenStock(1);
        var (orderId, _, _) = await GivenOrder(Line(sku));
        await new CheckoutDriver(Client).CheckoutAwaitingPayment(orderId);

        // Other scenarios share the backend: follow the pages (a page may be short and still have a token) until it shows.
        var found = false;
        string? token = null;
        for (var pages = 0; !found && pages < 1000; pages++)
        {
            var page = await (await Client.Get($"/api/sagas?status=Running&maxCount=100{(token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}")}")).Json();
            Assert.All(page["items"]!.AsArray(), s => Assert.Equal("Running", s.Value<string>("status")));
            found = page["items"]!.AsArray().Any(s => s.Value<string>("sagaId") == $"checkout-{orderId}");
            token = page["continuationToken"]?.GetValue<string>();
            if (token is null) break;
        }

        Assert.True(found, $"checkout-{orderId} is not among the running sagas");
        await AssertProblem(await Client.Get("/api/sagas?status=Sleeping"), HttpStatusCode.BadRequest);
    }

    private async Task<JsonNode> Projection(string name) =>
        (await (await Client.Get("/api/projections")).Json()).AsArray().First(p => p!.Value<string>("name") == name && p.Value<string>("status") != "Rebuilding")!;

    private static long Version(JsonNode projection) => projection.Value<long>("version");
}
