using System.Net;
using System.Text.Json.Nodes;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.Scenarios;

/// <summary>The checkout saga end to end over HTTP: started from the feed, driven by the payment callbacks.</summary>
public abstract partial class OrderingApiScenarios
{
    [Fact]
    public async Task A_paid_checkout_confirms_the_order_and_takes_the_stock_with_the_request_correlation_id()
    {
        var sku = await GivenStock(5);
        var (orderId, _, _) = await GivenOrder(Line(sku, 2, 12.5m));

        var checkout = await Client.Post($"/api/orders/{orderId}/checkout", null, ("X-Correlation-Id", "corr-checkout-" + orderId));
        var sagaUrl = (await checkout.Json()).Value<string>("statusUrl");
        await SagaAt(sagaUrl, s => s["customStatus"]?.Value<string>("stage") == "awaiting-payment");
        Assert.Equal(HttpStatusCode.Accepted, (await Client.Post($"/api/payments/{orderId}/confirm", new { amount = 25m })).StatusCode);

        var saga = await SagaAt(sagaUrl, s => s.Value<string>("status") != "Running");
        Assert.Equal("Completed", saga.Value<string>("status"));
        Assert.Equal(["ReserveStock", "RequestPayment", "ConfirmOrder", "CommitStock"], Activities(saga));
        await Eventually(async () => (await OrderNow(orderId)).Value<string>("status") == "Confirmed");
        await AssertStock(sku, onHand: 3, reserved: 0);
        var stockEvents = (await (await Client.Get($"/api/streams/inventory-{sku}/events")).Json())["events"]!.AsArray();
        Assert.Equal(["StockAdded", "StockReserved", "ReservationCommitted"], stockEvents.Select(e => e.Value<string>("type")));
        Assert.All(stockEvents.Skip(1), e => Assert.Equal("corr-checkout-" + orderId, e.Value<string>("metadata.correlationId")));
        Assert.All(stockEvents.Skip(1), e => Assert.False(string.IsNullOrEmpty(e.Value<string>("metadata.causationId"))));
    }

    [Fact]
    public async Task A_refused_payment_releases_the_stock_and_cancels_the_order_with_the_reason()
    {
        var sku = await GivenStock(5);
        var (orderId, _, _) = await GivenOrder(Line(sku, 2));

        var sagaUrl = await CheckoutAwaitingPayment(orderId);
        await Client.Post($"/api/payments/{orderId}/fail", new { reason = "card declined" });

        var saga = await SagaAt(sagaUrl, s => s.Value<string>("status") != "Running");
        Assert.Equal("Compensated", saga.Value<string>("status"));
        Assert.Equal("payment failed: card declined", saga.Value<string>("reason"));
        await Eventually(async () => (await OrderNow(orderId)).Value<string>("status") == "Cancelled");
        await AssertStock(sku, onHand: 5, reserved: 0);
    }

    [Fact]
    public async Task Missing_stock_for_a_later_line_releases_the_lines_already_reserved()
    {
        var plenty = await GivenStock(10);
        var scarce = await GivenStock(1);
        var (orderId, _, _) = await GivenOrder(Line(plenty, 3), Line(scarce, 2));

        var checkout = await (await Client.Post($"/api/orders/{orderId}/checkout")).Json();

        var saga = await SagaAt(checkout.Value<string>("statusUrl"), s => s.Value<string>("status") != "Running");
        Assert.Equal("Compensated", saga.Value<string>("status"));
        Assert.Contains("available", saga.Value<string>("reason"), StringComparison.Ordinal);
        Assert.Equal(["ReserveStock", "ReserveStock", "ReleaseStock", "ReleaseStock", "CancelOrder"], Activities(saga));
        await AssertStock(plenty, onHand: 10, reserved: 0);
        await AssertStock(scarce, onHand: 1, reserved: 0);
        Assert.Equal(0, await StreamVersion($"payment-{orderId}"));
    }

    [Fact]
    public async Task Cancelling_an_order_while_it_waits_for_payment_undoes_the_checkout()
    {
        var sku = await GivenStock(4);
        var (orderId, _, _) = await GivenOrder(Line(sku, 4));

        var sagaUrl = await CheckoutAwaitingPayment(orderId);
        Assert.Equal(HttpStatusCode.OK, (await Client.Post($"/api/orders/{orderId}/cancel", new { reason = "changed my mind" })).StatusCode);

        var saga = await SagaAt(sagaUrl, s => s.Value<string>("status") != "Running");
        Assert.Equal("Compensated", saga.Value<string>("status"));
        Assert.Equal("order cancelled: changed my mind", saga.Value<string>("reason"));
        await AssertStock(sku, onHand: 4, reserved: 0);
    }

    [Fact]
    public async Task A_payment_confirmed_before_checkout_completes_the_checkout_without_waiting()
    {
        var sku = await GivenStock(2);
        var (orderId, _, _) = await GivenOrder(Line(sku, 2, 5m));
        Assert.Equal(HttpStatusCode.Accepted, (await Client.Post($"/api/payments/{orderId}/confirm", new { amount = 10m })).StatusCode);

        var checkout = await (await Client.Post($"/api/orders/{orderId}/checkout")).Json();

        var saga = await SagaAt(checkout.Value<string>("statusUrl"), s => s.Value<string>("status") != "Running");
        Assert.Equal("Completed", saga.Value<string>("status"));
        Assert.DoesNotContain(saga["steps"]!.AsArray(), s => s.Value<string>("kind") == "timer");
        await AssertStock(sku, onHand: 0, reserved: 0);
    }

    [Fact]
    public async Task An_unknown_saga_is_404()
    {
        await AssertProblem(await Client.Get($"/api/sagas/checkout-{NewId("none")}"), HttpStatusCode.NotFound);
    }

    private CheckoutDriver Checkout => new(Client);

    protected Task<string> GivenStock(int quantity) => Checkout.GivenStock(quantity);

    private Task<string> CheckoutAwaitingPayment(string orderId) => Checkout.CheckoutAwaitingPayment(orderId);

    private Task<JsonNode> SagaAt(string sagaUrl, Func<JsonNode, bool> condition) => Checkout.SagaAt(sagaUrl, condition);

    private Task AssertStock(string sku, int onHand, int reserved) => Checkout.AssertStock(sku, onHand, reserved);

    private async Task<JsonNode> OrderNow(string orderId) => await (await Client.Get($"/api/orders/{orderId}")).Json();

    private static string[] Activities(JsonNode saga) => CheckoutDriver.Activities(saga);
}
