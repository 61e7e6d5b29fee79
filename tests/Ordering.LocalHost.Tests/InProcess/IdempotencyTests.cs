using System.Net;
using EventSourcing.Http.Pipeline;
using EventSourcing.Idempotency;
using EventSourcing.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ordering.LocalHost.Tests.Scenarios;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>
/// Idempotency-Key over HTTP with the host's own stores, held or broken from inside: a duplicate that arrives while
/// the first request is still writing, a commit whose answer is lost, keys of other callers and routes, and a key
/// used again after the retention window (the pipeline's clock is a FakeTimeProvider).
/// </summary>
public sealed class IdempotencyTests : IAsyncDisposable
{
    private readonly InProcessApi _api = new();

    [Fact]
    public async Task A_duplicate_arriving_while_the_first_request_writes_waits_and_gets_its_answer_without_running()
    {
        _api.TestServices.Add(s => s.Decorate<IEventStore, GatedEventStore>(inner => new GatedEventStore(inner, "order-")));
        _api.TestServices.Add(s => s.Decorate<IIdempotencyStore, WatchedIdempotencyStore>(inner => new WatchedIdempotencyStore(inner)));
        var client = _api.CreateClient();
        var gate = _api.Services.GetRequiredService<GatedEventStore>();
        var (key, order) = (NewId("key"), NewOrder());

        var first = client.Post("/api/orders", order, ("Idempotency-Key", key));
        await gate.FirstArrived.WaitAsync(Cancel);
        var duplicate = client.Post("/api/orders", order, ("Idempotency-Key", key));
        await Task.WhenAny(_api.Services.GetRequiredService<WatchedIdempotencyStore>().SawInProgress, gate.SecondArrived).WaitAsync(Cancel);
        var ranTwice = gate.SecondArrived.IsCompleted;
        gate.Open();
        var (a, b) = (await first, await duplicate);

        Assert.False(ranTwice, "the duplicate ran the command while the first was writing");
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (a.StatusCode, b.StatusCode));
        Assert.Equal(("", "true"), (a.Header("Idempotent-Replayed"), b.Header("Idempotent-Replayed")));
        var orderId = (await a.Json()).Value<string>("orderId");
        Assert.Equal(orderId, (await b.Json()).Value<string>("orderId"));
        Assert.Equal(1, gate.Arrivals);
        Assert.Equal(2, await StreamVersion(client, $"order-{orderId}"));
    }

    [Fact]
    public async Task A_duplicate_that_outwaits_the_first_request_gets_409_in_progress_and_its_retry_the_first_answer()
    {
        _api.TestServices.Add(s => s.Decorate<IEventStore, GatedEventStore>(inner => new GatedEventStore(inner, "order-")));
        _api.TestServices.Add(s => s.AddSingleton(new ApiOptions(DuplicateWait: TimeSpan.Zero)));
        var client = _api.CreateClient();
        var gate = _api.Services.GetRequiredService<GatedEventStore>();
        var (key, order) = (NewId("key"), NewOrder());

        var first = client.Post("/api/orders", order, ("Idempotency-Key", key));
        await gate.FirstArrived.WaitAsync(Cancel);
        var duplicate = client.Post("/api/orders", order, ("Idempotency-Key", key));
        await Task.WhenAny(duplicate, gate.SecondArrived).WaitAsync(Cancel);
        var ranTwice = gate.SecondArrived.IsCompleted;
        gate.Open();
        var answered = await first;
        var retried = await client.Post("/api/orders", order, ("Idempotency-Key", key));

        Assert.False(ranTwice, "the duplicate ran the command while the first was writing");
        await OrderingApiScenarios.AssertProblemOf(await duplicate, HttpStatusCode.Conflict, "idempotency-in-progress");
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (answered.StatusCode, retried.StatusCode));
        Assert.Equal((await answered.Json()).Value<string>("orderId"), (await retried.Json()).Value<string>("orderId"));
        Assert.Equal("true", retried.Header("Idempotent-Replayed"));
        Assert.Equal(1, gate.Arrivals);
    }

    [Fact]
    public async Task After_an_outcome_unknown_the_retry_with_the_same_key_answers_the_original_outcome_and_the_events_are_stored_once()
    {
        _api.TestServices.Add(s => s.Decorate<IEventStore, FaultAfterCommitStore>(inner => new FaultAfterCommitStore(inner, "order-")));
        var client = _api.CreateClient();
        var store = _api.Services.GetRequiredService<FaultAfterCommitStore>();
        var (key, order) = (NewId("key"), NewOrder());
        store.FailNextAfterCommit(stream => new AppendOutcomeUnknownException(stream, "The answer to the commit was lost."));

        var unknown = await client.Post("/api/orders", order, ("Idempotency-Key", key));
        var retry = await client.Post("/api/orders", order, ("Idempotency-Key", key));
        var again = await client.Post("/api/orders", order, ("Idempotency-Key", key));

        await OrderingApiScenarios.AssertProblemOf(unknown, HttpStatusCode.ServiceUnavailable, "outcome-unknown");
        Assert.Equal(1, store.Faulted);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("", retry.Header("Idempotent-Replayed")); // it ran, and found the first attempt's events
        var orderId = (await retry.Json()).Value<string>("orderId");
        Assert.Equal(2, (await retry.Json()).Value<long>("version"));
        Assert.Equal(2, await StreamVersion(client, $"order-{orderId}")); // OrderCreated and ItemAdded, once
        Assert.Equal((HttpStatusCode.Created, "true"), (again.StatusCode, again.Header("Idempotent-Replayed")));
    }

    [Fact]
    public async Task After_an_outcome_unknown_a_retried_restock_adds_the_stock_once()
    {
        _api.TestServices.Add(s => s.Decorate<IEventStore, FaultAfterCommitStore>(inner => new FaultAfterCommitStore(inner, "inventory-")));
        var client = _api.CreateClient();
        var (key, sku) = (NewId("key"), NewId("sku"));
        // Restocking twice is two deliveries, so the domain cannot tell a retry: only the event ids can.
        _api.Services.GetRequiredService<FaultAfterCommitStore>().FailNextAfterCommit(stream => new AppendOutcomeUnknownException(stream, "lost"));

        var unknown = await client.Post($"/api/inventory/{sku}/restock", new { quantity = 5 }, ("Idempotency-Key", key));
        var retry = await client.Post($"/api/inventory/{sku}/restock", new { quantity = 5 }, ("Idempotency-Key", key));

        await OrderingApiScenarios.AssertProblemOf(unknown, HttpStatusCode.ServiceUnavailable, "outcome-unknown");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((5, 1L), ((await retry.Json()).Value<int>("available"), (await retry.Json()).Value<long>("version")));
        Assert.Equal(1, await StreamVersion(client, $"inventory-{sku}"));
    }

    [Fact]
    public async Task A_500_after_the_change_was_saved_does_not_claim_nothing_changed_and_the_retry_is_recognised()
    {
        _api.TestServices.Add(s => s.Decorate<IEventStore, FaultAfterCommitStore>(inner => new FaultAfterCommitStore(inner, "order-")));
        var client = _api.CreateClient();
        var (key, order) = (NewId("key"), NewOrder());
        _api.Services.GetRequiredService<FaultAfterCommitStore>().FailNextAfterCommit(_ => new InvalidOperationException("connection reset"));

        var failed = await client.Post("/api/orders", order, ("Idempotency-Key", key));
        var retry = await client.Post("/api/orders", order, ("Idempotency-Key", key));

        await OrderingApiScenarios.AssertProblemOf(failed, HttpStatusCode.InternalServerError, "internal-error");
        var detail = (await failed.Json()).Value<string>("detail");
        Assert.DoesNotContain("nothing was changed", detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("connection reset", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(2, await StreamVersion(client, $"order-{(await retry.Json()).Value<string>("orderId")}"));
    }

    [Fact]
    public async Task After_the_window_a_key_with_another_body_runs_as_a_new_request_and_the_same_request_is_not_made_twice()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _api.TestServices.Add(s => s.AddSingleton(sp => ActivatorUtilities.CreateInstance<ApiPipeline>(sp, (TimeProvider)clock)));
        var client = _api.CreateClient();
        var (changed, repeated) = (NewId("sku"), NewId("sku"));
        var (key, otherKey) = (NewId("key"), NewId("key"));
        await client.Post($"/api/inventory/{changed}/restock", new { quantity = 5 }, ("Idempotency-Key", key));
        await client.Post($"/api/inventory/{repeated}/restock", new { quantity = 5 }, ("Idempotency-Key", otherKey));

        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var newRequest = await client.Post($"/api/inventory/{changed}/restock", new { quantity = 7 }, ("Idempotency-Key", key));
        var sameRequest = await client.Post($"/api/inventory/{repeated}/restock", new { quantity = 5 }, ("Idempotency-Key", otherKey));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (newRequest.StatusCode, sameRequest.StatusCode));
        Assert.Equal((12, 2L), ((await newRequest.Json()).Value<int>("available"), (await newRequest.Json()).Value<long>("version")));
        Assert.Equal((5, 1L), ((await sameRequest.Json()).Value<int>("available"), (await sameRequest.Json()).Value<long>("version")));
        Assert.Equal((2, 1), (await StreamVersion(client, $"inventory-{changed}"), await StreamVersion(client, $"inventory-{repeated}")));
    }

    [Fact]
    public async Task The_same_key_on_another_route_is_another_request()
    {
        var client = _api.CreateClient();
        var key = NewId("key");
        var first = (await (await client.Post("/api/orders", new { customerId = NewId("cust") })).Json()).Value<string>("orderId");
        var second = (await (await client.Post("/api/orders", new { customerId = NewId("cust") })).Json()).Value<string>("orderId");
        var line = new { sku = "sku-a", quantity = 1, unitPrice = 10m };

        var onFirst = await client.Post($"/api/orders/{first}/items", line, ("Idempotency-Key", key));
        var onSecond = await client.Post($"/api/orders/{second}/items", line, ("Idempotency-Key", key));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (onFirst.StatusCode, onSecond.StatusCode));
        Assert.Equal("", onSecond.Header("Idempotent-Replayed"));
        Assert.Equal((2, 2), (await StreamVersion(client, $"order-{first}"), await StreamVersion(client, $"order-{second}")));
    }

    [Fact]
    public async Task The_same_key_from_another_caller_is_another_request_and_never_sees_the_first_callers_answer()
    {
        _api.Settings["Auth:ApiKeys:0"] = "key-of-the-shop";
        _api.Settings["Auth:ApiKeys:1"] = "key-of-a-partner";
        var client = _api.CreateClient();
        var (key, order) = (NewId("key"), NewOrder());

        var shop = await client.Post("/api/orders", order, ("Idempotency-Key", key), ("X-Api-Key", "key-of-the-shop"));
        var partner = await client.Post("/api/orders", order, ("Idempotency-Key", key), ("X-Api-Key", "key-of-a-partner"));
        var shopAgain = await client.Post("/api/orders", order, ("Idempotency-Key", key), ("X-Api-Key", "key-of-the-shop"));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (shop.StatusCode, partner.StatusCode));
        Assert.Equal("", partner.Header("Idempotent-Replayed"));
        var shopOrder = (await shop.Json()).Value<string>("orderId");
        Assert.NotEqual(shopOrder, (await partner.Json()).Value<string>("orderId"));
        Assert.Equal(("true", shopOrder), (shopAgain.Header("Idempotent-Replayed"), (await shopAgain.Json()).Value<string>("orderId")));
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static object NewOrder() => new { customerId = NewId("cust"), items = new[] { new { sku = "sku-a", quantity = 2, unitPrice = 5m } } };

    private static async Task<long> StreamVersion(HttpClient client, string streamId) =>
        (await (await client.Get($"/api/streams/{streamId}/events?maxCount=1")).Json()).Value<long>("version");
}
