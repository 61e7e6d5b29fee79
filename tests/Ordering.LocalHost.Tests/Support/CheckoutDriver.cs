using System.Net;
using System.Text.Json.Nodes;

namespace Ordering.LocalHost.Tests.Support;

/// <summary>Drives checkouts over HTTP for any backend: stock, orders, the saga's status, stock levels.</summary>
public sealed class CheckoutDriver(HttpClient client)
{
    /// <summary>
    /// Waits for an eventually consistent read to hold. <paramref name="seconds"/> only ends a failing wait (generous,
    /// for a loaded machine): a passing one returns as soon as the read holds.
    /// </summary>
    public static async Task Eventually(Func<Task<bool>> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"the backend did not get there within {seconds} s");
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Given a new SKU with so much stock on hand.</summary>
    public async Task<string> GivenStock(int quantity, string? sku = null)
    {
        sku ??= $"sku-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await client.Post($"/api/inventory/{sku}/restock", new { quantity })).StatusCode);
        return sku;
    }

    /// <summary>Given an order of a new customer with these lines (sku, quantity) at 10 each.</summary>
    public async Task<string> GivenOrder(params (string Sku, int Quantity)[] lines)
    {
        var created = await client.Post("/api/orders", new
        {
            customerId = $"cust-{Guid.NewGuid():N}",
            items = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, unitPrice = 10m }).ToArray(),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Json()).Value<string>("orderId");
    }

    /// <summary>Checks the order out; returns the saga's status URL.</summary>
    public async Task<string> Checkout(string orderId)
    {
        var checkout = await client.Post($"/api/orders/{orderId}/checkout");
        Assert.Equal(HttpStatusCode.Accepted, checkout.StatusCode);
        return (await checkout.Json()).Value<string>("statusUrl");
    }

    /// <summary>Checks the order out and waits until its saga waits for the payment callback; returns the saga's URL.</summary>
    public async Task<string> CheckoutAwaitingPayment(string orderId, int seconds = 30)
    {
        var sagaUrl = await Checkout(orderId);
        await SagaAt(sagaUrl, s => s["customStatus"]?.Value<string>("stage") == "awaiting-payment", seconds);
        return sagaUrl;
    }

    /// <summary>The saga once it satisfies <paramref name="condition"/> (404 until the feed has started it).</summary>
    public async Task<JsonNode> SagaAt(string sagaUrl, Func<JsonNode, bool> condition, int seconds = 30)
    {
        JsonNode? saga = null;
        await Eventually(async () =>
        {
            var response = await client.Get(sagaUrl);
            if (response.StatusCode == HttpStatusCode.NotFound) return false;
            saga = await response.Json();
            return condition(saga);
        }, seconds);
        return saga!;
    }

    public Task<JsonNode> Finished(string sagaUrl, int seconds = 30) => SagaAt(sagaUrl, s => s.Value<string>("status") != "Running", seconds);

    /// <summary>
    /// The saga once it has finished, calling <paramref name="moveClockOn"/> (the host's fake clock) each time it is still
    /// running. The runner arms a timer a moment after it records it (due time minus now, then the delay): one move that
    /// lands in that moment leaves the timer waiting on a clock nobody moves again, so the clock keeps moving until done.
    /// </summary>
    public Task<JsonNode> FinishedWhileTimePasses(string sagaUrl, Action moveClockOn, int seconds = 30) =>
        SagaAt(sagaUrl, s =>
        {
            if (s.Value<string>("status") != "Running") return true;
            moveClockOn();
            return false;
        }, seconds);

    /// <summary>Waits until the SKU's read model shows exactly this stock (and available = on hand - reserved).</summary>
    public Task AssertStock(string sku, int onHand, int reserved) => Eventually(async () =>
    {
        var response = await client.Get($"/api/inventory/{sku}");
        if (response.StatusCode == HttpStatusCode.NotFound) return false; // the read model has not seen the SKU yet
        var level = await response.Json();
        return level.Value<int>("onHand") == onHand && level.Value<int>("reserved") == reserved
            && level.Value<int>("available") == onHand - reserved;
    });

    /// <summary>The stored types of a stream's events, oldest first.</summary>
    public async Task<string[]> EventTypes(string streamId) =>
        [.. (await (await client.Get($"/api/streams/{streamId}/events")).Json())["events"]!.AsArray().Select(e => e.Value<string>("type"))];

    public static string[] Activities(JsonNode saga) =>
        [.. saga["steps"]!.AsArray().Where(s => s.Value<string>("kind") == "activity").Select(s => s.Value<string>("name"))];
}
