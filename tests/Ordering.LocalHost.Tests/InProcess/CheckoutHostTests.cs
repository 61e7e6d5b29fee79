using System.Net;
using EventSourcing.Sqlite;
using EventSourcing.Sqlite.Sagas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ordering.Checkout;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>Checkout scenarios that need the host's settings (a short payment timeout) or its whole capacity (contention).</summary>
public sealed class CheckoutHostTests : IAsyncDisposable
{
    private readonly InProcessApi _api = new();
    private HttpClient? _client;
    private CheckoutDriver? _checkout;

    public CheckoutHostTests() => _api.Settings["Checkout:PaymentTimeout"] = "00:00:01.500";

    private HttpClient Client => _client ?? throw new InvalidOperationException("Start the host first.");

    private CheckoutDriver Checkout => _checkout ?? throw new InvalidOperationException("Start the host first.");

    [Fact]
    public async Task A_payment_that_does_not_arrive_in_time_releases_the_stock_and_cancels_the_order()
    {
        // The host's time moves only when the test moves it: the payment timeout fires when the test says, never
        // before the test has seen the saga wait for the payment.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Start(clock);
        var sku = await Checkout.GivenStock(3);
        var orderId = await Checkout.GivenOrder((sku, 3));
        var sagaUrl = await Checkout.CheckoutAwaitingPayment(orderId);

        var saga = await Checkout.FinishedWhileTimePasses(sagaUrl, () => clock.Advance(TimeSpan.FromSeconds(2)));

        Assert.Equal("Compensated", saga.Value<string>("status"));
        Assert.Equal("payment timed out after 00:00:01.5000000", saga.Value<string>("reason"));
        Assert.Equal("fired", saga["steps"]!.AsArray().Single(s => s.Value<string>("kind") == "timer").Value<string>("status"));
        await Checkout.AssertStock(sku, onHand: 3, reserved: 0);
        Assert.Equal("OrderCancelled", (await Checkout.EventTypes($"order-{orderId}"))[^1]);
        // A payment that arrives after the saga gave up changes nothing in the order: looked at once the checkout
        // trigger has handled everything up to the payment (its checkpoint is past it), not after a pause.
        Assert.Equal(HttpStatusCode.Accepted, (await Client.Post($"/api/payments/{orderId}/confirm", new { amount = 30m })).StatusCode);
        await TriggerHandledEverythingSoFar();
        Assert.Equal("OrderCancelled", (await Checkout.EventTypes($"order-{orderId}"))[^1]);
    }

    [Fact]
    public async Task Two_hundred_checkouts_racing_for_scarce_stock_never_oversell_and_every_saga_ends()
    {
        Start();
        var onHand = new Dictionary<string, int> { [await Checkout.GivenStock(40)] = 40, [await Checkout.GivenStock(25)] = 25, [await Checkout.GivenStock(60)] = 60 };
        var skus = onHand.Keys.ToArray();
        var lines = Enumerable.Range(0, 200).Select(i => new[] { (skus[i % 3], 1 + i % 2), (skus[(i + 1) % 3], 1) }).ToArray();
        var orders = await Task.WhenAll(lines.Select(order => Checkout.GivenOrder(order)));

        // Every customer checks out and pays at once; sagas that find no stock left compensate.
        var sagaUrls = await Task.WhenAll(orders.Select(async (orderId, i) =>
        {
            var sagaUrl = await Checkout.Checkout(orderId);
            var total = lines[i].Sum(l => l.Item2) * 10m;
            Assert.Equal(HttpStatusCode.Accepted, (await Client.Post($"/api/payments/{orderId}/confirm", new { amount = total })).StatusCode);
            return sagaUrl;
        }));
        var ended = await Task.WhenAll(sagaUrls.Select(url => Checkout.Finished(url, seconds: 90)));

        var statuses = ended.Select(s => s.Value<string>("status")).ToArray();
        Assert.All(statuses, status => Assert.Contains(status, new[] { "Completed", "Compensated" }));
        Assert.Contains("Completed", statuses);
        Assert.Contains("Compensated", statuses);
        foreach (var sku in skus)
        {
            // What left the shelf is exactly what the completed orders bought: no double reservation, none lost.
            var sold = lines.Where((_, i) => statuses[i] == "Completed").SelectMany(l => l).Where(l => l.Item1 == sku).Sum(l => l.Item2);
            await Checkout.AssertStock(sku, onHand: onHand[sku] - sold, reserved: 0);
            Assert.True(onHand[sku] - sold >= 0);
        }
    }

    private void Start(TimeProvider? clock = null)
    {
        _api.Clock = clock;
        _client = _api.CreateClient();
        _checkout = new CheckoutDriver(_client);
    }

    /// <summary>Waits until the checkout trigger's checkpoint reaches the feed's head as it is now.</summary>
    private async Task TriggerHandledEverythingSoFar()
    {
        var head = await _api.Services.GetRequiredService<SqliteEventStore>().GetHeadPositionAsync(TestContext.Current.CancellationToken);
        var checkpoints = _api.Services.GetRequiredService<SqliteSagaStore>();
        await CheckoutDriver.Eventually(async () => await checkpoints.GetAsync(CheckoutTrigger.SubscriptionName, TestContext.Current.CancellationToken) >= head);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await _api.DisposeAsync();
    }
}
