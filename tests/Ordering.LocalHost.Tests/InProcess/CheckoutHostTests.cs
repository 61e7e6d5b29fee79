using System.Net;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>Checkout scenarios that need the host's settings (a short payment timeout) or its whole capacity (contention).</summary>
public sealed class CheckoutHostTests : IAsyncDisposable
{
    private readonly InProcessApi _api = new();
    private readonly HttpClient _client;
    private readonly CheckoutDriver _checkout;

    public CheckoutHostTests()
    {
        _api.Settings["Checkout:PaymentTimeout"] = "00:00:01.500";
        _client = _api.CreateClient();
        _checkout = new CheckoutDriver(_client);
    }

    [Fact]
    public async Task A_payment_that_does_not_arrive_in_time_releases_the_stock_and_cancels_the_order()
    {
        var sku = await _checkout.GivenStock(3);
        var orderId = await _checkout.GivenOrder((sku, 3));

        var sagaUrl = await _checkout.CheckoutAwaitingPayment(orderId);
        var saga = await _checkout.Finished(sagaUrl);

        Assert.Equal("Compensated", saga.Value<string>("status"));
        Assert.Equal("payment timed out after 00:00:01.5000000", saga.Value<string>("reason"));
        Assert.Equal("fired", saga["steps"]!.AsArray().Single(s => s.Value<string>("kind") == "timer").Value<string>("status"));
        await _checkout.AssertStock(sku, onHand: 3, reserved: 0);
        Assert.Equal("OrderCancelled", (await _checkout.EventTypes($"order-{orderId}"))[^1]);
        // A payment that arrives after the saga gave up changes nothing in the order.
        await _client.Post($"/api/payments/{orderId}/confirm", new { amount = 30m });
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Equal("OrderCancelled", (await _checkout.EventTypes($"order-{orderId}"))[^1]);
    }

    [Fact]
    public async Task Two_hundred_checkouts_racing_for_scarce_stock_never_oversell_and_every_saga_ends()
    {
        var onHand = new Dictionary<string, int> { [await _checkout.GivenStock(40)] = 40, [await _checkout.GivenStock(25)] = 25, [await _checkout.GivenStock(60)] = 60 };
        var skus = onHand.Keys.ToArray();
        var lines = Enumerable.Range(0, 200).Select(i => new[] { (skus[i % 3], 1 + i % 2), (skus[(i + 1) % 3], 1) }).ToArray();
        var orders = await Task.WhenAll(lines.Select(order => _checkout.GivenOrder(order)));

        // Every customer checks out and pays at once; sagas that find no stock left compensate.
        var sagaUrls = await Task.WhenAll(orders.Select(async (orderId, i) =>
        {
            var sagaUrl = await _checkout.Checkout(orderId);
            var total = lines[i].Sum(l => l.Item2) * 10m;
            Assert.Equal(HttpStatusCode.Accepted, (await _client.Post($"/api/payments/{orderId}/confirm", new { amount = total })).StatusCode);
            return sagaUrl;
        }));
        var ended = await Task.WhenAll(sagaUrls.Select(url => _checkout.Finished(url, seconds: 90)));

        var statuses = ended.Select(s => s.Value<string>("status")).ToArray();
        Assert.All(statuses, status => Assert.Contains(status, new[] { "Completed", "Compensated" }));
        Assert.Contains("Completed", statuses);
        Assert.Contains("Compensated", statuses);
        foreach (var sku in skus)
        {
            // What left the shelf is exactly what the completed orders bought: no double reservation, none lost.
            var sold = lines.Where((_, i) => statuses[i] == "Completed").SelectMany(l => l).Where(l => l.Item1 == sku).Sum(l => l.Item2);
            await _checkout.AssertStock(sku, onHand: onHand[sku] - sold, reserved: 0);
            Assert.True(onHand[sku] - sold >= 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }
}
