using System.Net;
using System.Text;
using EventSourcing.Sqlite;
using EventSourcing.Store;
using Microsoft.Extensions.DependencyInjection;
using Ordering.LocalHost.Tests.Scenarios;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>
/// Scenarios that need the host's inside or its settings: events written by an earlier version of the
/// code, poison events. They run in memory only.
/// </summary>
public sealed class HostScenarios : IAsyncLifetime
{
    private readonly InProcessApi _api = new();

    [Fact]
    public async Task An_item_stored_in_the_v1_shape_reads_back_through_the_api_with_unit_price_and_currency()
    {
        var client = _api.CreateClient();
        var created = await (await client.Post("/api/orders", new { customerId = "cust-legacy", currency = "EUR" })).Json();
        var orderId = created.Value<string>("orderId");
        // What the version before multi-currency wrote: `price`, no currency, schema 1.
        await AppendRawAsync($"order-{orderId}", "ItemAdded", 1, $$"""{"orderId":"{{orderId}}","sku":"sku-old","quantity":3,"price":2.5}""", expectedVersion: 1);

        var now = await (await client.Get($"/api/orders/{orderId}?minVersion=2")).Json();
        var then = await (await client.Get($"/api/orders/{orderId}?atVersion=2")).Json();
        var stored = await (await client.Get($"/api/streams/order-{orderId}/events")).Json();

        Assert.All(new[] { now, then }, order =>
        {
            Assert.Equal(2.5m, order.Value<decimal>("items.0.unitPrice"));
            Assert.Equal(7.5m, order.Value<decimal>("total"));
            Assert.Equal("EUR", order.Value<string>("currency"));
        });
        Assert.Equal(1, stored.Value<int>("events.1.schemaVersion"));
        Assert.Equal(2.5m, stored.Value<decimal>("events.1.data.price")); // the stored event is never rewritten
        var added = await client.Post($"/api/orders/{orderId}/items", new { sku = "sku-old", quantity = 3, unitPrice = 2.5m });
        Assert.Equal(2L, (await added.Json()).Value<long>("version")); // the domain sees the v1 line as the same line
    }

    [Fact]
    public async Task A_poison_event_is_parked_shown_and_retried_while_other_events_flow()
    {
        var client = _api.CreateClient();
        await AppendRawAsync("order-poison", "OrderCreated", 1, """{"orderId":"poison","customerId":"c","currency":"EUR","createdAt":"not a date"}""");
        var created = await (await client.Post("/api/orders", new { customerId = "cust-after-poison" })).Json();

        var after = await client.Get($"/api/orders/{created.Value<string>("orderId")}?minVersion=1");
        var status = (await (await client.Get("/api/projections")).Json()).AsArray().First(p => p.Value<string>("name") == "order-details");
        var parked = (await (await client.Get("/api/projections/order-details/deadletters")).Json()).AsArray();
        var retry = await client.Post("/api/projections/order-details/deadletters/retry");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("", after.Header("X-Read-Model-Stale"));
        Assert.Equal(1, status.Value<int>("deadLetters"));
        Assert.Equal("order-poison", parked.Single().Value<string>("event.streamId"));
        Assert.False(string.IsNullOrEmpty(parked.Single().Value<string>("error")));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((0, 1), ((await retry.Json()).Value<int>("applied"), (await retry.Json()).Value<int>("stillParked")));
        await AssertNotFound(await client.Get("/api/projections/no-such-projection/deadletters"));
    }

    [Fact]
    public async Task The_customer_summary_counts_orders_and_confirmed_spend()
    {
        var client = _api.CreateClient();
        await client.Post("/api/orders", new { customerId = "cust-summary", items = new[] { new { sku = "a", quantity = 2, unitPrice = 5m } } });
        await client.Post("/api/orders", new { customerId = "cust-summary" });

        await Eventually(async () => (await client.Get("/api/customers/cust-summary/summary")) is { StatusCode: HttpStatusCode.OK } r
            && (await r.Json()).Value<int>("orderCount") == 2);
        await AssertNotFound(await client.Get("/api/customers/nobody/summary"));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    private async Task AppendRawAsync(string streamId, string type, int schemaVersion, string json, long? expectedVersion = null)
    {
        var store = _api.Services.GetRequiredService<SqliteEventStore>();
        var data = new EventData(Guid.NewGuid(), type, schemaVersion, Encoding.UTF8.GetBytes(json), EventMetadata.Empty);
        await store.AppendAsync(streamId, expectedVersion is { } v ? ExpectedVersion.Exact(v) : ExpectedVersion.Any, [data], TestContext.Current.CancellationToken);
    }

    private static async Task AssertNotFound(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await Task.CompletedTask;
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30); // a bound on a failing wait only
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the read model did not catch up within 30 s");
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }
}
