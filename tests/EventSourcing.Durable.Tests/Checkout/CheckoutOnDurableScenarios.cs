using System.Net;
using System.Text.Json.Nodes;
using DurableTask.Core;
using EventSourcing.Durable.Tests.Support;
using EventSourcing.Store;
using Microsoft.DurableTask.Client;
using Ordering.Checkout;
using Ordering.LocalHost.Tests.Support;

namespace EventSourcing.Durable.Tests.Checkout;

/// <summary>
/// The checkout saga through the Durable adapter on the genuine Durable Task engine, with the real checkout activities
/// over the real SQLite stores, started and fed by the real checkout trigger from the feed, driven and read over the
/// local host's HTTP API as a user would: the saga's status, the streams and the read models. Each backend (in memory,
/// Azure Storage on Azurite) runs every scenario.
/// </summary>
public abstract class CheckoutOnDurableScenarios : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("checkout-durable-").FullName;
    private readonly List<CheckoutOnDurable> _apps = [];

    /// <summary>A fresh connection to this test's task hub: every call after the first sees what the first kept.</summary>
    internal abstract Task<IOrchestrationService> OrchestrationServiceAsync();

    /// <summary>Whether the backend fires a timer no earlier than asked to the millisecond, so sub-second backoffs show.</summary>
    protected virtual bool TimersKeepMilliseconds => true;

    /// <summary>How long a saga may take to get somewhere (a generous bound on a condition, not a speed target).</summary>
    protected virtual int Seconds => 30;

    internal async Task<CheckoutOnDurable> StartAsync(TimeSpan? paymentTimeout = null)
    {
        var app = await CheckoutOnDurable.StartAsync(await OrchestrationServiceAsync(), _dataDirectory, paymentTimeout ?? TimeSpan.FromMinutes(10));
        _apps.Add(app);
        return app;
    }

    [Fact]
    public async Task Given_stock_and_a_confirmed_payment_the_order_is_confirmed_and_the_stock_committed()
    {
        var app = await StartAsync();
        var sku = await app.Checkout.GivenStock(5);
        var orderId = await app.Checkout.GivenOrder((sku, 2));
        var sagaUrl = await AwaitingPayment(app, orderId);
        await app.Checkout.AssertStock(sku, onHand: 5, reserved: 2);

        Assert.Equal(HttpStatusCode.Accepted, (await app.Http.Post($"/api/payments/{orderId}/confirm", new { amount = 20m })).StatusCode);

        var saga = await app.Checkout.Finished(sagaUrl, Seconds);
        Assert.Equal("Completed", saga.Value<string>("status"));
        Assert.Equal(["ReserveStock", "RequestPayment", "ConfirmOrder", "CommitStock"], CheckoutDriver.Activities(saga));
        Assert.Contains(Steps(saga), s => s.Value<string>("kind") == "event" && s.Value<string>("name") == CheckoutSaga.PaymentEvent);
        Assert.Equal("confirmed", saga.Value<string>("customStatus.stage"));
        await app.Checkout.AssertStock(sku, onHand: 3, reserved: 0);
        Assert.Equal(["StockAdded", "StockReserved", "ReservationCommitted"], await app.Checkout.EventTypes($"inventory-{sku}"));
        Assert.Equal(["PaymentRequested", "PaymentConfirmed"], await app.Checkout.EventTypes($"payment-{orderId}"));
        Assert.Equal("OrderConfirmed", (await app.Checkout.EventTypes($"order-{orderId}"))[^1]);
        await OrderStatus(app, orderId, "Confirmed");
        var instance = await app.Durable.GetInstanceAsync(CheckoutSaga.InstanceId(orderId), getInputsAndOutputs: true, TestContext.Current.CancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance?.RuntimeStatus);
        Assert.Equal(CheckoutSaga.Name, instance!.Name);
    }

    [Fact]
    public async Task The_saga_listing_reads_durables_instances_by_status_and_a_timer_shows_when_it_is_due()
    {
        var app = await StartAsync();
        var sku = await app.Checkout.GivenStock(5);
        var (paid, refused, waiting) = (await app.Checkout.GivenOrder((sku, 1)), await app.Checkout.GivenOrder((sku, 1)), await app.Checkout.GivenOrder((sku, 1)));
        foreach (var order in new[] { paid, refused, waiting }) await AwaitingPayment(app, order);
        Assert.Equal(HttpStatusCode.Accepted, (await app.Http.Post($"/api/payments/{paid}/confirm", new { amount = 10m })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.Http.Post($"/api/payments/{refused}/fail", new { reason = "card declined" })).StatusCode);
        await app.Checkout.Finished($"/api/sagas/{CheckoutSaga.InstanceId(paid)}", Seconds);
        var compensatedSaga = await app.Checkout.Finished($"/api/sagas/{CheckoutSaga.InstanceId(refused)}", Seconds);

        string[] Ids(JsonNode page) => [.. page["items"]!.AsArray().Select(i => i.Value<string>("sagaId"))];
        var running = await (await app.Http.Get("/api/sagas?status=Running")).Json();
        var completed = await (await app.Http.Get("/api/sagas?status=Completed")).Json();
        var compensated = await (await app.Http.Get("/api/sagas?status=Compensated")).Json();
        var all = await (await app.Http.Get("/api/sagas")).Json();

        Assert.Equal([CheckoutSaga.InstanceId(waiting)], Ids(running));
        Assert.Equal([CheckoutSaga.InstanceId(paid)], Ids(completed));
        Assert.Equal([CheckoutSaga.InstanceId(refused)], Ids(compensated));
        Assert.Equal("payment failed: card declined", compensated["items"]![0].Value<string>("reason"));
        Assert.Equal(new[] { paid, refused, waiting }.Select(CheckoutSaga.InstanceId).Order(), Ids(all).Order());
        var timer = Steps(compensatedSaga).Single(s => s.Value<string>("kind") == "timer");
        // Due ten minutes (the payment timeout) after the orchestration's clock when it set it, which is when the step began.
        var delay = timer.Value<DateTimeOffset>("dueAt") - compensatedSaga.Value<DateTimeOffset>("createdAt");
        Assert.InRange(delay, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(11));
    }

    [Fact]
    public async Task Given_no_payment_before_the_timer_fires_the_stock_is_released_newest_first_and_the_order_cancelled()
    {
        var app = await StartAsync(paymentTimeout: TimeSpan.FromSeconds(2));
        var (first, second) = (await app.Checkout.GivenStock(5), await app.Checkout.GivenStock(5));
        var orderId = await app.Checkout.GivenOrder((first, 2), (second, 1));

        var saga = await app.Checkout.Finished(await app.Checkout.Checkout(orderId), Seconds);

        Assert.Equal("Compensated", saga.Value<string>("status"));
        Assert.Equal("payment timed out after 00:00:02", saga.Value<string>("reason"));
        Assert.Equal("fired", Steps(saga).Single(s => s.Value<string>("kind") == "timer").Value<string>("status"));
        Assert.Equal(["ReserveStock", "ReserveStock", "RequestPayment", "ReleaseStock", "ReleaseStock", "CancelOrder"], CheckoutDriver.Activities(saga));
        // Compensations run newest first: the second line's reservation is released before the first's.
        Assert.True(await Position(app, $"inventory-{second}", "ReservationReleased") < await Position(app, $"inventory-{first}", "ReservationReleased"));
        await app.Checkout.AssertStock(first, onHand: 5, reserved: 0);
        await app.Checkout.AssertStock(second, onHand: 5, reserved: 0);
        Assert.Equal("OrderCancelled", (await app.Checkout.EventTypes($"order-{orderId}"))[^1]);
        Assert.Equal(["PaymentRequested"], await app.Checkout.EventTypes($"payment-{orderId}"));
        await OrderStatus(app, orderId, "Cancelled");
    }

    [Fact]
    public async Task Given_too_little_stock_the_checkout_is_undone_without_asking_for_payment_and_the_refusal_is_not_retried()
    {
        var app = await StartAsync();
        var (plenty, scarce) = (await app.Checkout.GivenStock(5), await app.Checkout.GivenStock(1));
        var orderId = await app.Checkout.GivenOrder((plenty, 2), (scarce, 2));
        var readsBefore = app.Store.Reads($"inventory-{scarce}");

        var saga = await app.Checkout.Finished(await app.Checkout.Checkout(orderId), Seconds);

        Assert.Equal("Compensated", saga.Value<string>("status"));
        Assert.Contains("available", saga.Value<string>("reason"), StringComparison.Ordinal);
        Assert.Equal(["ReserveStock", "ReserveStock", "ReleaseStock", "ReleaseStock", "CancelOrder"], CheckoutDriver.Activities(saga));
        Assert.Equal("failed", Steps(saga).Where(s => s.Value<string>("kind") == "activity").ElementAt(1).Value<string>("status"));
        // Each attempt loads the stream once: one refused reservation and one release, not five retried attempts.
        Assert.Equal(2, app.Store.Reads($"inventory-{scarce}") - readsBefore);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.Get($"/api/streams/payment-{orderId}/events")).StatusCode);
        Assert.Equal(["StockAdded", "StockReserved", "ReservationReleased"], await app.Checkout.EventTypes($"inventory-{plenty}"));
        Assert.Equal(["StockAdded"], await app.Checkout.EventTypes($"inventory-{scarce}"));
        await app.Checkout.AssertStock(plenty, onHand: 5, reserved: 0);
        await OrderStatus(app, orderId, "Cancelled");
    }

    [Fact]
    public async Task Given_the_payment_is_refused_the_stock_is_released_and_the_order_cancelled()
    {
        var app = await StartAsync();
        var sku = await app.Checkout.GivenStock(5);
        var orderId = await app.Checkout.GivenOrder((sku, 2));
        var sagaUrl = await AwaitingPayment(app, orderId);

        Assert.Equal(HttpStatusCode.Accepted, (await app.Http.Post($"/api/payments/{orderId}/fail", new { reason = "card declined" })).StatusCode);

        var saga = await app.Checkout.Finished(sagaUrl, Seconds);
        Assert.Equal("Compensated", saga.Value<string>("status"));
        Assert.Equal("payment failed: card declined", saga.Value<string>("reason"));
        Assert.Equal(["ReserveStock", "RequestPayment", "ReleaseStock", "CancelOrder"], CheckoutDriver.Activities(saga));
        await app.Checkout.AssertStock(sku, onHand: 5, reserved: 0);
        Assert.Equal(["StockAdded", "StockReserved", "ReservationReleased"], await app.Checkout.EventTypes($"inventory-{sku}"));
        Assert.Equal(["PaymentRequested", "PaymentFailed"], await app.Checkout.EventTypes($"payment-{orderId}"));
        await OrderStatus(app, orderId, "Cancelled");
    }

    [Fact]
    public async Task Given_the_order_is_cancelled_while_awaiting_payment_the_stock_is_released_and_the_order_cancelled_once()
    {
        var app = await StartAsync();
        var sku = await app.Checkout.GivenStock(5);
        var orderId = await app.Checkout.GivenOrder((sku, 2));
        var sagaUrl = await AwaitingPayment(app, orderId);

        Assert.Equal(HttpStatusCode.OK, (await app.Http.Post($"/api/orders/{orderId}/cancel", new { reason = "changed my mind" })).StatusCode);

        var saga = await app.Checkout.Finished(sagaUrl, Seconds);
        Assert.Equal("Compensated", saga.Value<string>("status"));
        Assert.Equal("order cancelled: changed my mind", saga.Value<string>("reason"));
        Assert.Contains(Steps(saga), s => s.Value<string>("kind") == "event" && s.Value<string>("name") == CheckoutSaga.CancelledEvent);
        await app.Checkout.AssertStock(sku, onHand: 5, reserved: 0);
        Assert.Single(await app.Checkout.EventTypes($"order-{orderId}"), type => type == "OrderCancelled");
        await OrderStatus(app, orderId, "Cancelled");
    }

    [Fact]
    public async Task Given_the_store_times_out_twice_the_reservation_is_retried_with_backoff_and_made_once()
    {
        var app = await StartAsync();
        var sku = await app.Checkout.GivenStock(5);
        var orderId = await app.Checkout.GivenOrder((sku, 2));
        var stream = $"inventory-{sku}";
        var appendsBefore = app.Store.Appends(stream).Count;
        app.Store.FailNextAppends(stream, 2);

        var sagaUrl = await AwaitingPayment(app, orderId);
        await app.Http.Post($"/api/payments/{orderId}/confirm", new { amount = 20m });

        var saga = await app.Checkout.Finished(sagaUrl, Seconds);
        Assert.Equal("Completed", saga.Value<string>("status"));
        Assert.Equal(["StockAdded", "StockReserved", "ReservationCommitted"], await app.Checkout.EventTypes(stream));
        var attempts = app.Store.Appends(stream).Skip(appendsBefore).ToArray();
        Assert.Equal(4, attempts.Length); // two timeouts, the reservation, the commit
        if (TimersKeepMilliseconds)
        {
            // A durable timer never fires early: each retry waited at least its backoff (CheckoutSaga.Retry: 200 ms, doubling).
            Assert.True(attempts[1] - attempts[0] >= CheckoutSaga.Retry.DelayBefore(2), $"second attempt after {attempts[1] - attempts[0]}");
            Assert.True(attempts[2] - attempts[1] >= CheckoutSaga.Retry.DelayBefore(3), $"third attempt after {attempts[2] - attempts[1]}");
        }
        await app.Checkout.AssertStock(sku, onHand: 3, reserved: 0);
    }

    [Fact]
    public async Task Given_the_checkout_request_is_delivered_again_no_second_saga_starts()
    {
        var app = await StartAsync();
        var sku = await app.Checkout.GivenStock(5);
        var orderId = await app.Checkout.GivenOrder((sku, 2));
        var sagaUrl = await AwaitingPayment(app, orderId);
        var requested = (await app.Store.ReadStreamAsync($"order-{orderId}", StreamReadOptions.All, TestContext.Current.CancellationToken))
            .Single(e => e.Type == "CheckoutRequested");
        var created = (await app.Checkout.SagaAt(sagaUrl, _ => true)).Value<DateTimeOffset>("createdAt");

        // The feed redelivers (a crash before its checkpoint): twice at once while the saga waits, once after it ended.
        await Task.WhenAll(app.Trigger.HandleAsync(requested, default), app.Trigger.HandleAsync(requested, default));
        var waiting = await app.Checkout.SagaAt(sagaUrl, _ => true);
        Assert.Equal("awaiting-payment", waiting.Value<string>("customStatus.stage"));
        Assert.Equal(created, waiting.Value<DateTimeOffset>("createdAt"));
        await app.Http.Post($"/api/payments/{orderId}/confirm", new { amount = 20m });
        Assert.Equal("Completed", (await app.Checkout.Finished(sagaUrl, Seconds)).Value<string>("status"));
        await app.Trigger.HandleAsync(requested, default);

        var after = await app.Checkout.SagaAt(sagaUrl, _ => true);
        Assert.Equal("Completed", after.Value<string>("status"));
        Assert.Equal(created, after.Value<DateTimeOffset>("createdAt"));
        Assert.Equal(["StockAdded", "StockReserved", "ReservationCommitted"], await app.Checkout.EventTypes($"inventory-{sku}"));
        await app.Checkout.AssertStock(sku, onHand: 3, reserved: 0);
    }

    [Fact]
    public async Task Given_the_provider_calls_back_while_stock_is_still_being_reserved_the_payment_is_not_lost()
    {
        var app = await StartAsync();
        var sku = await app.Checkout.GivenStock(5);
        var orderId = await app.Checkout.GivenOrder((sku, 2));
        var hold = app.Store.HoldAppends($"inventory-{sku}");
        var sagaUrl = await app.Checkout.Checkout(orderId);
        await CheckoutDriver.Eventually(() => Task.FromResult(hold.IsHolding), Seconds);

        Assert.Equal(HttpStatusCode.Accepted, (await app.Http.Post($"/api/payments/{orderId}/confirm", new { amount = 20m })).StatusCode);
        hold.Release();

        var saga = await app.Checkout.Finished(sagaUrl, Seconds);
        Assert.Equal("Completed", saga.Value<string>("status"));
        Assert.DoesNotContain(Steps(saga), s => s.Value<string>("kind") == "timer"); // it knew when it asked, so it never waited
        await app.Checkout.AssertStock(sku, onHand: 3, reserved: 0);
        await OrderStatus(app, orderId, "Confirmed");
    }

    [Fact]
    public async Task Given_the_callback_reaches_the_saga_before_it_waits_for_it_the_payment_is_not_lost()
    {
        var app = await StartAsync();
        var sku = await app.Checkout.GivenStock(5);
        var orderId = await app.Checkout.GivenOrder((sku, 2));
        // The payment request is written, then the activity is held: the saga has asked, but does not wait yet.
        var hold = app.HoldAfterNextActivity(nameof(CheckoutActivities.RequestPayment));
        var sagaUrl = await app.Checkout.Checkout(orderId);
        await CheckoutDriver.Eventually(() => Task.FromResult(hold.IsHolding), Seconds);

        Assert.Equal(HttpStatusCode.Accepted, (await app.Http.Post($"/api/payments/{orderId}/confirm", new { amount = 20m })).StatusCode);
        var confirmed = await Position(app, $"payment-{orderId}", "PaymentConfirmed");
        await CheckoutDriver.Eventually(async () => await app.TriggerCheckpointAsync() >= confirmed, Seconds); // raised to Durable
        hold.Release();

        var saga = await app.Checkout.Finished(sagaUrl, Seconds);
        Assert.Equal("Completed", saga.Value<string>("status"));
        Assert.Contains(Steps(saga), s => s.Value<string>("kind") == "event" && s.Value<string>("name") == CheckoutSaga.PaymentEvent);
        Assert.DoesNotContain(Steps(saga), s => s.Value<string>("kind") == "timer" && s.Value<string>("status") == "fired");
        await app.Checkout.AssertStock(sku, onHand: 3, reserved: 0);
        await OrderStatus(app, orderId, "Confirmed");
    }

    [Fact]
    public async Task Given_the_provider_took_another_amount_the_checkout_refunds_it_releases_the_stock_and_cancels_the_order()
    {
        var app = await StartAsync();
        var sku = await app.Checkout.GivenStock(5);
        var orderId = await app.Checkout.GivenOrder((sku, 2));
        Assert.Equal(HttpStatusCode.Accepted, (await app.Http.Post($"/api/payments/{orderId}/confirm", new { amount = 30m })).StatusCode);

        var saga = await app.Checkout.Finished(await app.Checkout.Checkout(orderId), Seconds);

        Assert.Equal("Compensated", saga.Value<string>("status"));
        Assert.Equal("payment failed: 30 EUR was paid, not 20", saga.Value<string>("reason"));
        Assert.Equal(["ReserveStock", "RequestPayment", "RefundPayment", "ReleaseStock", "CancelOrder"], CheckoutDriver.Activities(saga));
        Assert.Equal(["PaymentConfirmed", "PaymentRequested", "PaymentRefunded"], await app.Checkout.EventTypes($"payment-{orderId}"));
        Assert.Equal(30m, (await LastEvent(app, $"payment-{orderId}")).Value<decimal>("data.amount"));
        await app.Checkout.AssertStock(sku, onHand: 5, reserved: 0);
        await OrderStatus(app, orderId, "Cancelled");
    }

    [Fact]
    public async Task Given_the_payment_arrives_after_the_timer_fired_it_is_refunded_from_the_feed_and_the_order_stays_cancelled()
    {
        var app = await StartAsync(paymentTimeout: TimeSpan.FromSeconds(2));
        var sku = await app.Checkout.GivenStock(5);
        var orderId = await app.Checkout.GivenOrder((sku, 2));
        var saga = await app.Checkout.Finished(await app.Checkout.Checkout(orderId), Seconds);
        Assert.Equal("payment timed out after 00:00:02", saga.Value<string>("reason"));

        Assert.Equal(HttpStatusCode.Accepted, (await app.Http.Post($"/api/payments/{orderId}/confirm", new { amount = 20m })).StatusCode);

        await CheckoutDriver.Eventually(async () => (await app.Checkout.EventTypes($"payment-{orderId}"))[^1] == "PaymentRefunded", Seconds);
        Assert.Equal(["PaymentRequested", "PaymentConfirmed", "PaymentRefunded"], await app.Checkout.EventTypes($"payment-{orderId}"));
        var refund = await LastEvent(app, $"payment-{orderId}");
        Assert.Equal(20m, refund.Value<decimal>("data.amount"));
        Assert.Equal("order cancelled: payment timed out after 00:00:02", refund.Value<string>("data.reason"));
        Assert.Equal("OrderCancelled", (await app.Checkout.EventTypes($"order-{orderId}"))[^1]);
        await app.Checkout.AssertStock(sku, onHand: 5, reserved: 0);
    }

    [Fact]
    public async Task Given_the_order_is_cancelled_just_as_the_payment_arrives_the_money_is_refunded_once_and_the_stock_released()
    {
        var app = await StartAsync();
        var sku = await app.Checkout.GivenStock(5);
        var orderId = await app.Checkout.GivenOrder((sku, 2));
        // The saga has asked for the payment but does not wait yet: both the confirmation and the cancellation reach it
        // before it looks, whichever it then takes first.
        var hold = app.HoldAfterNextActivity(nameof(CheckoutActivities.RequestPayment));
        var sagaUrl = await app.Checkout.Checkout(orderId);
        await CheckoutDriver.Eventually(() => Task.FromResult(hold.IsHolding), Seconds);
        Assert.Equal(HttpStatusCode.Accepted, (await app.Http.Post($"/api/payments/{orderId}/confirm", new { amount = 20m })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.Post($"/api/orders/{orderId}/cancel", new { reason = "changed my mind" })).StatusCode);
        var cancelled = await Position(app, $"order-{orderId}", "OrderCancelled");
        await CheckoutDriver.Eventually(async () => await app.TriggerCheckpointAsync() >= cancelled, Seconds);

        hold.Release();

        var saga = await app.Checkout.Finished(sagaUrl, Seconds);
        Assert.Equal("Compensated", saga.Value<string>("status"));
        await CheckoutDriver.Eventually(async () => (await app.Checkout.EventTypes($"payment-{orderId}"))[^1] == "PaymentRefunded", Seconds);
        Assert.Equal(["PaymentRequested", "PaymentConfirmed", "PaymentRefunded"], await app.Checkout.EventTypes($"payment-{orderId}"));
        Assert.Single(await app.Checkout.EventTypes($"order-{orderId}"), type => type == "OrderCancelled");
        Assert.DoesNotContain("OrderConfirmed", await app.Checkout.EventTypes($"order-{orderId}"));
        await app.Checkout.AssertStock(sku, onHand: 5, reserved: 0);
        await OrderStatus(app, orderId, "Cancelled");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
        GC.SuppressFinalize(this);
    }

    internal Task<string> AwaitingPayment(CheckoutOnDurable app, string orderId) => app.Checkout.CheckoutAwaitingPayment(orderId, Seconds);

    internal static JsonArray Steps(JsonNode saga) => saga["steps"]!.AsArray();

    internal static async Task<long> Position(CheckoutOnDurable app, string streamId, string type) =>
        (await (await app.Http.Get($"/api/streams/{streamId}/events")).Json())["events"]!.AsArray()
            .Single(e => e.Value<string>("type") == type).Value<long>("position");

    internal static async Task<JsonNode> LastEvent(CheckoutOnDurable app, string streamId) =>
        (await (await app.Http.Get($"/api/streams/{streamId}/events")).Json())["events"]!.AsArray()[^1]!;

    internal Task OrderStatus(CheckoutOnDurable app, string orderId, string status) => CheckoutDriver.Eventually(async () =>
    {
        var order = await app.Http.Get($"/api/orders/{orderId}");
        return order.StatusCode == HttpStatusCode.OK && (await order.Json()).Value<string>("status") == status;
    }, Seconds);
}
