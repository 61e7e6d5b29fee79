using System.Net;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.Scenarios;

/// <summary>The rules API.md sets for every endpoint.</summary>
public abstract partial class OrderingApiScenarios
{
    [Fact]
    public async Task A_write_with_a_stale_If_Match_gets_412_and_appends_nothing()
    {
        var (orderId, _, version) = await GivenOrder(Line("sku-a"));
        await Client.Post($"/api/orders/{orderId}/items", Line("sku-b"));

        var stale = await Client.Post($"/api/orders/{orderId}/items", Line("sku-c"), ("If-Match", $"\"{version}\""));
        var current = await Client.Post($"/api/orders/{orderId}/items", Line("sku-c"), ("If-Match", $"\"{version + 1}\""));

        await AssertProblem(stale, HttpStatusCode.PreconditionFailed, "stale-version");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(version + 2, await StreamVersion($"order-{orderId}"));
    }

    [Fact]
    public async Task Reads_about_one_stream_carry_its_version_as_etag()
    {
        var (orderId, _, version) = await GivenOrder(Line("sku-a"));

        var response = await Client.Get($"/api/orders/{orderId}?minVersion={version}");

        Assert.Equal($"\"{version}\"", response.Header("ETag"));
    }

    [Fact]
    public async Task A_repeated_Idempotency_Key_replays_the_first_response_and_appends_nothing()
    {
        var key = NewId("key");
        var body = new { customerId = NewId("cust"), currency = "EUR" };

        var first = await Client.Post("/api/orders", body, ("Idempotency-Key", key));
        var again = await Client.Post("/api/orders", body, ("Idempotency-Key", key));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var orderId = (await first.Json()).Value<string>("orderId");
        Assert.Equal(orderId, (await again.Json()).Value<string>("orderId"));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal("true", again.Header("Idempotent-Replayed"));
        Assert.Equal(1, await StreamVersion($"order-{orderId}"));
    }

    [Fact]
    public async Task An_Idempotency_Key_reused_with_another_body_gets_422()
    {
        var key = NewId("key");
        var (orderId, _, _) = await GivenOrder();
        await Client.Post($"/api/orders/{orderId}/items", Line("sku-a", 1), ("Idempotency-Key", key));

        var reused = await Client.Post($"/api/orders/{orderId}/items", Line("sku-a", 2), ("Idempotency-Key", key));

        await AssertProblem(reused, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal(2, await StreamVersion($"order-{orderId}"));
    }

    [Fact]
    public async Task The_correlation_id_is_echoed_and_stored_on_every_event_the_request_causes()
    {
        var correlation = NewId("corr");

        var response = await Client.Post("/api/orders", new { customerId = NewId("cust"), items = new[] { Line("sku-a") } }, ("X-Correlation-Id", correlation));

        Assert.Equal(correlation, response.Header("X-Correlation-Id"));
        var orderId = (await response.Json()).Value<string>("orderId");
        var events = (await (await Client.Get($"/api/streams/order-{orderId}/events")).Json())["events"]!.AsArray();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(correlation, e!.Value<string>("metadata.correlationId")));
    }

    [Fact]
    public async Task A_correlation_id_comes_from_traceparent_or_is_generated()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        var traced = await Client.Get("/api/health", ("traceparent", $"00-{traceId}-00f067aa0ba902b7-01"));
        var plain = await Client.Get("/api/health");

        Assert.Equal(traceId, traced.Header("X-Correlation-Id"));
        Assert.False(string.IsNullOrEmpty(plain.Header("X-Correlation-Id")));
    }

    [Fact]
    public async Task Malformed_json_and_invalid_values_get_400_with_the_fields_and_append_nothing()
    {
        var (orderId, _, version) = await GivenOrder();

        var malformed = await Client.PostRaw($"/api/orders/{orderId}/items", "{\"sku\": ", "application/json");
        var invalid = await Client.Post($"/api/orders/{orderId}/items", new { sku = "sku-a", quantity = 0, unitPrice = 1m });

        await AssertProblem(malformed, HttpStatusCode.BadRequest);
        await AssertProblem(invalid, HttpStatusCode.BadRequest);
        Assert.NotNull((await invalid.Json())["errors"]!["quantity"]);
        Assert.Equal(version, await StreamVersion($"order-{orderId}"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415_and_one_over_the_limit_413()
    {
        var (orderId, _, version) = await GivenOrder();

        var text = await Client.PostRaw($"/api/orders/{orderId}/items", "sku=a", "text/plain");
        var huge = await Client.PostRaw($"/api/orders/{orderId}/cancel", $"{{\"reason\":\"{new string('x', 300 * 1024)}\"}}", "application/json");

        await AssertProblem(text, HttpStatusCode.UnsupportedMediaType);
        await AssertProblem(huge, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(version, await StreamVersion($"order-{orderId}"));
    }

    [Fact]
    public async Task Reading_beyond_the_read_model_answers_what_it_has_marked_stale()
    {
        var (orderId, _, version) = await GivenOrder();

        var response = await Client.Get($"/api/orders/{orderId}?minVersion={version + 5}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("true", response.Header("X-Read-Model-Stale"));
        Assert.Equal(version, (await response.Json()).Value<long>("version"));
    }
}
