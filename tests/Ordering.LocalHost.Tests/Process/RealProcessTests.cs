using System.Net;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.Process;

/// <summary>The README's run command as a user runs it: a real process, real sockets, a restart on the same data.</summary>
public sealed class RealProcessTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ordering-process-").FullName;

    [Fact]
    public async Task The_host_serves_over_http_and_after_a_kill_and_restart_nothing_acknowledged_is_lost()
    {
        var ct = TestContext.Current.CancellationToken;
        string orderId;
        long orderVersion;
        await using (var first = await LocalHostProcess.StartAsync(_dataDirectory, ct))
        {
            using var client = new HttpClient { BaseAddress = first.BaseAddress };
            var created = await (await client.Post("/api/orders", new { customerId = "cust-restart", items = new[] { new { sku = "sku-r", quantity = 2, unitPrice = 4m } } })).Json();
            orderId = created.Value<string>("orderId");
            orderVersion = (await (await client.Post($"/api/orders/{orderId}/items", new { sku = "sku-s", quantity = 1, unitPrice = 1m })).Json()).Value<long>("version");
            Assert.Equal(HttpStatusCode.OK, (await client.Post("/api/inventory/sku-r/restock", new { quantity = 9 })).StatusCode);
            Assert.Contains("Ordering backend listening on " + first.BaseAddress.ToString().TrimEnd('/'), first.Output, StringComparison.Ordinal);
            await first.KillAsync(); // no graceful shutdown: only what was committed survives
        }

        // The restarted host's read model catches up from the feed; a generous read-your-writes bound keeps a loaded
        // machine from turning that read stale (a fresh answer returns as soon as it is there).
        await using var second = await LocalHostProcess.StartAsync(_dataDirectory, ct, new Dictionary<string, string>
        {
            ["Api__ReadYourWritesTimeout"] = "00:00:30",
        });
        using var again = new HttpClient { BaseAddress = second.BaseAddress };
        var order = await again.Get($"/api/orders/{orderId}?minVersion={orderVersion}");
        var trail = await (await again.Get($"/api/streams/order-{orderId}/events")).Json();
        var stock = await (await again.Get("/api/inventory/sku-r")).Json();
        var more = await again.Post($"/api/orders/{orderId}/checkout");

        Assert.Equal(HttpStatusCode.OK, order.StatusCode);
        Assert.Equal("", order.Header("X-Read-Model-Stale"));
        Assert.Equal(9m, (await order.Json()).Value<decimal>("total"));
        Assert.Equal(new[] { "OrderCreated", "ItemAdded", "ItemAdded" }, trail["events"]!.AsArray().Select(e => e.Value<string>("type")));
        Assert.Equal(9, stock.Value<int>("available"));
        Assert.Equal(HttpStatusCode.Accepted, more.StatusCode);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
