using System.Net;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.Scenarios;

public abstract partial class OrderingApiScenarios
{
    [Fact]
    public async Task Creating_an_order_answers_201_with_its_location_version_and_etag()
    {
        var response = await Client.Post("/api/orders", new { customerId = NewId("cust"), currency = "EUR" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        var orderId = body.Value<string>("orderId");
        Assert.Equal($"/api/orders/{orderId}", response.Headers.Location?.OriginalString);
        Assert.Equal(1, body.Value<long>("version"));
        Assert.Equal("\"1\"", response.Header("ETag"));
    }

    [Fact]
    public async Task An_order_created_with_items_reads_back_with_lines_and_total()
    {
        var (orderId, customerId, version) = await GivenOrder(Line("sku-a", 2, 10m), Line("sku-b", 1, 5.5m));

        var order = await OrderAt(orderId, version);

        Assert.Equal(3, version);
        Assert.Equal(orderId, order.Value<string>("orderId"));
        Assert.Equal(customerId, order.Value<string>("customerId"));
        Assert.Equal("Draft", order.Value<string>("status"));
        Assert.Equal(25.5m, order.Value<decimal>("total"));
        Assert.Equal("EUR", order.Value<string>("currency"));
        Assert.Equal(2, order["items"]!.AsArray().Count);
        Assert.Equal(version, order.Value<long>("version"));
    }

    [Fact]
    public async Task Adding_and_removing_lines_moves_the_version_and_the_total()
    {
        var (orderId, _, _) = await GivenOrder();

        var added = await Client.Post($"/api/orders/{orderId}/items", new { sku = "sku-a", quantity = 3, unitPrice = 2m });
        var removed = await Client.Delete($"/api/orders/{orderId}/items/sku-a");

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(2, (await added.Json()).Value<long>("version"));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal("\"3\"", removed.Header("ETag"));
        var order = await OrderAt(orderId, 3);
        Assert.Equal(0m, order.Value<decimal>("total"));
        Assert.Empty(order["items"]!.AsArray());
    }

    [Fact]
    public async Task Checkout_answers_202_with_the_saga_to_follow_and_locks_the_order()
    {
        // In stock, so the saga waits for the payment callback and leaves the order checked out.
        var (orderId, _, _) = await GivenOrder(Line(await GivenStock(1)));

        var response = await Client.Post($"/api/orders/{orderId}/checkout");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Json();
        Assert.Equal($"checkout-{orderId}", body.Value<string>("sagaId"));
        Assert.Equal($"/api/sagas/checkout-{orderId}", body.Value<string>("statusUrl"));
        var version = await StreamVersion($"order-{orderId}");
        await AssertProblem(await Client.Post($"/api/orders/{orderId}/items", Line("sku-b")), HttpStatusCode.Conflict);
        Assert.Equal(version, await StreamVersion($"order-{orderId}"));
        Assert.Equal("CheckoutRequested", (await OrderAt(orderId, version)).Value<string>("status"));
    }

    [Fact]
    public async Task An_order_cannot_ship_before_it_is_confirmed()
    {
        var (orderId, _, version) = await GivenOrder(Line("sku-a"));

        await AssertProblem(await Client.Post($"/api/orders/{orderId}/ship"), HttpStatusCode.Conflict);

        Assert.Equal(version, await StreamVersion($"order-{orderId}"));
    }

    [Fact]
    public async Task Cancelling_an_order_records_the_reason_and_status()
    {
        var (orderId, _, _) = await GivenOrder(Line("sku-a"));

        var response = await Client.Post($"/api/orders/{orderId}/cancel", new { reason = "changed my mind" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var version = (await response.Json()).Value<long>("version");
        Assert.Equal("Cancelled", (await OrderAt(orderId, version)).Value<string>("status"));
    }

    [Fact]
    public async Task An_unknown_order_is_404_for_reads_and_writes()
    {
        var orderId = NewId("missing");

        await AssertProblem(await Client.Get($"/api/orders/{orderId}"), HttpStatusCode.NotFound);
        await AssertProblem(await Client.Post($"/api/orders/{orderId}/items", Line("sku-a")), HttpStatusCode.NotFound);
        Assert.Equal(0, await StreamVersion($"order-{orderId}"));
    }
}
