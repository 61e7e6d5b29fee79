using System.Net;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.Process;

/// <summary>A checkout that outlives its host: killed after the stock is reserved, finished by the next host, exactly once.</summary>
public sealed class SagaRestartTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ordering-saga-").FullName;

    [Theory]
    [InlineData("confirm", "Completed", new[] { "StockAdded", "StockReserved", "ReservationCommitted" })]
    [InlineData("fail", "Compensated", new[] { "StockAdded", "StockReserved", "ReservationReleased" })]
    public async Task A_checkout_interrupted_by_a_kill_finishes_once_on_the_next_host(string callback, string status, string[] stockEvents)
    {
        var ct = TestContext.Current.CancellationToken;
        string orderId, sagaUrl, sku;
        await using (var first = await LocalHostProcess.StartAsync(_dataDirectory, ct))
        {
            using var client = new HttpClient { BaseAddress = first.BaseAddress };
            var checkout = new CheckoutDriver(client);
            sku = await checkout.GivenStock(5);
            orderId = await checkout.GivenOrder((sku, 2));
            sagaUrl = await checkout.CheckoutAwaitingPayment(orderId);
            await checkout.AssertStock(sku, onHand: 5, reserved: 2);
            await first.KillAsync();
        }

        await using var second = await LocalHostProcess.StartAsync(_dataDirectory, ct);
        using var again = new HttpClient { BaseAddress = second.BaseAddress };
        var resumed = new CheckoutDriver(again);
        var answer = callback == "confirm"
            ? await again.Post($"/api/payments/{orderId}/confirm", new { amount = 20m })
            : await again.Post($"/api/payments/{orderId}/fail", new { reason = "card declined" });
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);

        var saga = await resumed.Finished(sagaUrl, seconds: 30);
        Assert.Equal(status, saga.Value<string>("status"));
        Assert.Equal(stockEvents, await resumed.EventTypes($"inventory-{sku}"));
        await resumed.AssertStock(sku, onHand: status == "Completed" ? 3 : 5, reserved: 0);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
