using System.Net;
using EventSourcing.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ordering.Checkout;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>A payment that arrives after the checkout gave up (a short payment timeout), refunded from the feed once.</summary>
public sealed class LatePaymentRefundTests : IAsyncDisposable
{
    private readonly InProcessApi _api = new();
    private HttpClient _client = null!;
    private CheckoutDriver _checkout = null!;

    public LatePaymentRefundTests() => _api.Settings["Checkout:PaymentTimeout"] = "00:00:01.500";

    [Fact]
    public async Task A_payment_that_arrives_after_the_checkout_timed_out_is_refunded_and_the_order_stays_cancelled()
    {
        // The payment timeout fires when the test moves the host's clock, once the saga waits for the payment.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Start(clock);
        var sku = await _checkout.GivenStock(3);
        var orderId = await _checkout.GivenOrder((sku, 3));
        var sagaUrl = await _checkout.CheckoutAwaitingPayment(orderId);
        var saga = await _checkout.FinishedWhileTimePasses(sagaUrl, () => clock.Advance(TimeSpan.FromSeconds(2)));
        Assert.Equal("payment timed out after 00:00:01.5000000", saga.Value<string>("reason"));

        Assert.Equal(HttpStatusCode.Accepted, (await _client.Post($"/api/payments/{orderId}/confirm", new { amount = 30m })).StatusCode);

        await CheckoutDriver.Eventually(async () => (await _checkout.EventTypes($"payment-{orderId}"))[^1] == "PaymentRefunded");
        Assert.Equal(["PaymentRequested", "PaymentConfirmed", "PaymentRefunded"], await _checkout.EventTypes($"payment-{orderId}"));
        Assert.Equal("OrderCancelled", (await _checkout.EventTypes($"order-{orderId}"))[^1]);
        await _checkout.AssertStock(sku, onHand: 3, reserved: 0);
    }

    [Fact]
    public async Task The_feed_delivering_the_late_confirmation_again_even_twice_at_once_refunds_nothing_more()
    {
        Start();
        var orderId = await _checkout.GivenOrder((await _checkout.GivenStock(1), 1));
        await _client.Post($"/api/orders/{orderId}/cancel", new { reason = "changed my mind" });
        await _client.Post($"/api/payments/{orderId}/confirm", new { amount = 10m });
        await CheckoutDriver.Eventually(async () => (await _checkout.EventTypes($"payment-{orderId}"))[^1] == "PaymentRefunded");
        var store = _api.Services.GetRequiredService<IEventStore>();
        var cancellation = TestContext.Current.CancellationToken;
        var redelivered = (await store.ReadStreamAsync($"payment-{orderId}", StreamReadOptions.All, cancellation))
            .Concat(await store.ReadStreamAsync($"order-{orderId}", StreamReadOptions.All, cancellation)).ToArray();
        var refunds = _api.Services.GetRequiredService<LatePaymentRefunds>();

        // A crash before the checkpoint moved, and two hosts holding one lease for a moment.
        await Task.WhenAll(redelivered.SelectMany(e => new[] { refunds.HandleAsync(e, cancellation), refunds.HandleAsync(e, cancellation) }));

        Assert.Equal(["PaymentConfirmed", "PaymentRefunded"], await _checkout.EventTypes($"payment-{orderId}"));
    }

    [Fact]
    public async Task A_late_payment_is_refunded_even_when_the_cancellation_gave_the_longest_reason_allowed()
    {
        Start();
        var orderId = await _checkout.GivenOrder((await _checkout.GivenStock(1), 1));
        var reason = new string('r', 500);
        Assert.Equal(HttpStatusCode.OK, (await _client.Post($"/api/orders/{orderId}/cancel", new { reason })).StatusCode);

        await _client.Post($"/api/payments/{orderId}/confirm", new { amount = 10m });

        await CheckoutDriver.Eventually(async () => (await _checkout.EventTypes($"payment-{orderId}"))[^1] == "PaymentRefunded");
    }

    private void Start(TimeProvider? clock = null)
    {
        _api.Clock = clock;
        _client = _api.CreateClient();
        _checkout = new CheckoutDriver(_client);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await _api.DisposeAsync();
    }
}
