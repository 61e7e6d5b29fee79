using System.Net;
using System.Text.Json.Nodes;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.Scenarios;

/// <summary>Correlation tracing over HTTP: one checkout's whole story, across its streams, in one call.</summary>
public abstract partial class OrderingApiScenarios
{
    /// <summary>Whether saga history is stored as events (the embedded runner); on Durable Functions it lives in Durable's storage.</summary>
    protected virtual bool SagaHistoryInEventStore => true;

    [Fact]
    public async Task A_checkout_traced_by_its_correlation_id_shows_its_order_stock_payment_and_saga_events_in_commit_order_and_nothing_of_another()
    {
        var sku = await GivenStock(10);
        var (orderId, _, _) = await GivenOrder(Line(sku, 2, 12.5m));
        var (otherId, _, _) = await GivenOrder(Line(sku, 1));
        var correlation = "corr-trace-" + orderId;

        var sagaUrl = await CheckoutTraced(orderId, correlation);
        var otherSagaUrl = await CheckoutTraced(otherId, "corr-trace-" + otherId);
        foreach (var (id, url, amount) in new[] { (orderId, sagaUrl, 25m), (otherId, otherSagaUrl, 10m) })
        {
            await SagaAt(url, s => s["customStatus"]?.Value<string>("stage") == "awaiting-payment");
            Assert.Equal(HttpStatusCode.Accepted, (await Client.Post($"/api/payments/{id}/confirm", new { amount })).StatusCode);
            Assert.Equal("Completed", (await SagaAt(url, s => s.Value<string>("status") != "Running")).Value<string>("status"));
        }

        var response = await Client.Get($"/api/correlations/{correlation}/events");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trace = await response.Json();
        Assert.Equal(correlation, trace.Value<string>("correlationId"));
        Assert.True(trace.AsObject().ContainsKey("next") && trace["next"] is null, "a whole trace says so with \"next\": null");
        var events = trace["events"]!.AsArray().Select(e => e!).ToList();
        Assert.All(events, e => Assert.Equal(correlation, CorrelationOf(e)));
        string[] streams = [$"order-{orderId}", $"inventory-{sku}", $"payment-{orderId}", .. SagaHistoryInEventStore ? [$"saga-checkout-{orderId}"] : Array.Empty<string>()];
        Assert.Equal(streams.Order(), events.Select(e => e.Value<string>("streamId")).Distinct().Order());
        // Each stream's part of the trace is exactly its events that carry the id, in version order: the other checkout's
        // reservation in the same SKU's stream is left out.
        foreach (var stream in streams)
        {
            var stored = (await (await Client.Get($"/api/streams/{stream}/events")).Json())["events"]!.AsArray()
                .Where(e => CorrelationOf(e!) == correlation).Select(e => e!.Value<Guid>("eventId"));
            Assert.Equal(stored, events.Where(e => e.Value<string>("streamId") == stream).Select(e => e.Value<Guid>("eventId")));
        }
        // Commit order: the global position where the store has one, else the commit time; either way cause before effect.
        Assert.Equal(events.Select(e => e.Value<DateTimeOffset>("timestamp")).Order(), events.Select(e => e.Value<DateTimeOffset>("timestamp")));
        if (events.All(e => e["position"] is not null))
            Assert.Equal(events.Select(e => e.Value<long>("position")).Order(), events.Select(e => e.Value<long>("position")));
        var types = events.Select(e => e.Value<string>("type")).ToList();
        string[] story = ["CheckoutRequested", .. SagaHistoryInEventStore ? ["saga.OrchestrationStarted"] : Array.Empty<string>(),
            "StockReserved", "PaymentRequested", "OrderConfirmed", "ReservationCommitted", .. SagaHistoryInEventStore ? ["saga.OrchestrationCompleted"] : Array.Empty<string>()];
        Assert.Equal(story, types.Where(story.Contains));
    }

    [Fact]
    public async Task A_correlation_trace_pages_with_maxCount_and_next_and_an_unknown_id_is_an_empty_trace()
    {
        var sku = await GivenStock(5);
        var (orderId, _, _) = await GivenOrder(Line(sku, 1));
        var correlation = "corr-pages-" + orderId;
        var sagaUrl = await CheckoutTraced(orderId, correlation);
        await SagaAt(sagaUrl, s => s["customStatus"]?.Value<string>("stage") == "awaiting-payment");
        var whole = (await (await Client.Get($"/api/correlations/{correlation}/events")).Json())["events"]!.AsArray().Select(e => e!.Value<Guid>("eventId")).ToList();

        var paged = new List<Guid>();
        var url = $"/api/correlations/{correlation}/events?maxCount=2";
        while (true)
        {
            var page = await (await Client.Get(url)).Json();
            var ids = page["events"]!.AsArray().Select(e => e!.Value<Guid>("eventId")).ToList();
            Assert.InRange(ids.Count, 1, 2);
            paged.AddRange(ids);
            if (page["next"] is null) break;
            url = $"/api/correlations/{correlation}/events?maxCount=2&after={Uri.EscapeDataString(page.Value<string>("next"))}";
        }

        Assert.True(whole.Count > 2, $"the trace should need several pages: {whole.Count} events");
        Assert.Equal(whole, paged);
        var unknown = await (await Client.Get($"/api/correlations/{NewId("corr-none")}/events")).Json();
        Assert.Empty(unknown["events"]!.AsArray());
        Assert.Null(unknown["next"]);
        await AssertProblem(await Client.Get($"/api/correlations/{correlation}/events?maxCount=1001"), HttpStatusCode.BadRequest, "invalid-request");
        await AssertProblem(await Client.Get($"/api/correlations/{correlation}/events?after=not-a-cursor"), HttpStatusCode.BadRequest, "invalid-request");
        await AssertProblem(await Client.Get($"/api/correlations/{new string('c', 129)}/events"), HttpStatusCode.BadRequest, "invalid-request");
    }

    private async Task<string> CheckoutTraced(string orderId, string correlation)
    {
        var checkout = await Client.Post($"/api/orders/{orderId}/checkout", null, ("X-Correlation-Id", correlation));
        Assert.Equal(HttpStatusCode.Accepted, checkout.StatusCode);
        return (await checkout.Json()).Value<string>("statusUrl");
    }

    private static string? CorrelationOf(JsonNode e) => e["metadata"]?["correlationId"]?.GetValue<string>();
}
