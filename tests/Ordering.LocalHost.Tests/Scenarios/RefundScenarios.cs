using System.Net;
using System.Text.Json.Nodes;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.Scenarios;

/// <summary>Money is never kept for a cancelled order: what the backend refunds, and the cancellation it refuses.</summary>
public abstract partial class OrderingApiScenarios
{
    [Fact]
    public async Task A_payment_confirmed_for_an_order_already_cancelled_is_refunded_once_with_the_cause()
    {
        var (orderId, _, _) = await GivenOrder(Line("book", 2));
        var cancel = await Client.Post($"/api/orders/{orderId}/cancel", new { reason = "changed my mind" }, ("X-Correlation-Id", "corr-cancel-" + orderId));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);

        var confirm = await Client.Post($"/api/payments/{orderId}/confirm", new { amount = 20m }, ("X-Correlation-Id", "corr-late-" + orderId));
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);

        var payment = await PaymentStreamOnceRefunded(orderId);
        Assert.Equal(["PaymentConfirmed", "PaymentRefunded"], payment.Select(e => e.Value<string>("type")));
        var refund = payment[^1]!;
        Assert.Equal(20m, refund.Value<decimal>("data.amount"));
        Assert.Equal("order cancelled: changed my mind", refund.Value<string>("data.reason"));
        Assert.Equal(orderId, refund.Value<string>("data.orderId"));
        // Caused by whichever of the two events found the other committed, and in that event's correlation.
        var cancelled = (await StreamEvents($"order-{orderId}")).Single(e => e!.Value<string>("type") == "OrderCancelled")!;
        var causes = new Dictionary<string, string>
        {
            [payment[0]!.Value<string>("eventId")] = "corr-late-" + orderId,
            [cancelled.Value<string>("eventId")] = "corr-cancel-" + orderId,
        };
        Assert.Equal(causes[refund.Value<string>("metadata.causationId")], refund.Value<string>("metadata.correlationId"));

        // The provider delivers its callback again: accepted, and nothing more is refunded.
        Assert.Equal(HttpStatusCode.Accepted, (await Client.Post($"/api/payments/{orderId}/confirm", new { amount = 20m })).StatusCode);
        Assert.Equal(2, await StreamVersion($"payment-{orderId}"));
        Assert.Equal("OrderCancelled", (await StreamTypes($"order-{orderId}"))[^1]);
    }

    [Fact]
    public async Task A_payment_of_another_amount_than_the_order_asks_is_refunded_when_the_checkout_is_undone()
    {
        var sku = await GivenStock(3);
        var (orderId, _, _) = await GivenOrder(Line(sku, 2));
        // The provider called back before checkout, for more than the order comes to.
        Assert.Equal(HttpStatusCode.Accepted, (await Client.Post($"/api/payments/{orderId}/confirm", new { amount = 30m })).StatusCode);

        var checkout = await (await Client.Post($"/api/orders/{orderId}/checkout")).Json();

        var saga = await Checkout.Finished(checkout.Value<string>("statusUrl"));
        Assert.Equal("Compensated", saga.Value<string>("status"));
        Assert.Equal("payment failed: 30 EUR was paid, not 20", saga.Value<string>("reason"));
        Assert.Equal(["ReserveStock", "RequestPayment", "RefundPayment", "ReleaseStock", "CancelOrder"], CheckoutDriver.Activities(saga));
        var payment = await PaymentStreamOnceRefunded(orderId);
        Assert.Equal(["PaymentConfirmed", "PaymentRequested", "PaymentRefunded"], payment.Select(e => e.Value<string>("type")));
        Assert.Equal(30m, payment[^1]!.Value<decimal>("data.amount"));
        await Checkout.AssertStock(sku, onHand: 3, reserved: 0);
        await Eventually(async () => (await (await Client.Get($"/api/orders/{orderId}")).Json()).Value<string>("status") == "Cancelled");
    }

    [Fact]
    public async Task Cancelling_a_confirmed_order_is_refused_and_leaves_its_payment_and_stock_as_they_are()
    {
        var sku = await GivenStock(5);
        var (orderId, _, _) = await GivenOrder(Line(sku, 2));
        var sagaUrl = await Checkout.CheckoutAwaitingPayment(orderId);
        await Client.Post($"/api/payments/{orderId}/confirm", new { amount = 20m });
        Assert.Equal("Completed", (await Checkout.Finished(sagaUrl)).Value<string>("status"));
        var orderVersion = await StreamVersion($"order-{orderId}");

        var cancel = await Client.Post($"/api/orders/{orderId}/cancel", new { reason = "changed my mind" });

        await AssertProblem(cancel, HttpStatusCode.Conflict, "order-confirmed");
        Assert.Equal(orderVersion, await StreamVersion($"order-{orderId}"));
        Assert.Equal("Confirmed", (await OrderAt(orderId, orderVersion)).Value<string>("status"));
        Assert.Equal(["PaymentRequested", "PaymentConfirmed"], await StreamTypes($"payment-{orderId}"));
        Assert.Equal(["StockAdded", "StockReserved", "ReservationCommitted"], await StreamTypes($"inventory-{sku}"));
        // It still ships.
        Assert.Equal(HttpStatusCode.OK, (await Client.Post($"/api/orders/{orderId}/ship")).StatusCode);
    }

    /// <summary>The payment stream's events once it ends with a refund (the refund comes from the feed, a moment later).</summary>
    private async Task<JsonArray> PaymentStreamOnceRefunded(string orderId)
    {
        JsonArray events = [];
        await Eventually(async () =>
        {
            var response = await Client.Get($"/api/streams/payment-{orderId}/events");
            if (response.StatusCode != HttpStatusCode.OK) return false;
            events = (await response.Json())["events"]!.AsArray();
            return events[^1]!.Value<string>("type") == "PaymentRefunded";
        });
        return events;
    }

    private Task<string[]> StreamTypes(string streamId) => Checkout.EventTypes(streamId);

    private async Task<JsonArray> StreamEvents(string streamId) => (await (await Client.Get($"/api/streams/{streamId}/events")).Json())["events"]!.AsArray();
}
