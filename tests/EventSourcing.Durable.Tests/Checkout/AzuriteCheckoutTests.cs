using System.Net;
using DurableTask.Core;
using EventSourcing.Durable.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Ordering.LocalHost.Tests.Support;

namespace EventSourcing.Durable.Tests.Checkout;

/// <summary>
/// Every checkout scenario on Durable's Azure Storage backend (the one Durable Functions uses by default) against
/// Azurite, each test on a task hub of its own; and a saga that outlives its worker.
/// </summary>
public sealed class AzuriteCheckoutTests : CheckoutOnDurableScenarios
{
    private readonly string _taskHub = Azurite.NewTaskHubName();

    protected override int Seconds => 60;

    // Durable's Azure Storage backend delays a timer message by its queue's visibility timeout, which the queue service
    // takes in whole seconds (DurableTask.AzureStorage, Messaging/TaskHubQueue.cs, GetVisibilityDelay): a 200 ms
    // backoff fires at once. Attempts, their outcome and the single reservation are still asserted.
    protected override bool TimersKeepMilliseconds => false;

    internal override Task<IOrchestrationService> OrchestrationServiceAsync()
    {
        Azurite.RequireOrSkip();
        return Azurite.CreateServiceAsync(_taskHub, NullLoggerFactory.Instance);
    }

    [Fact]
    public async Task Given_the_worker_stops_while_a_saga_waits_for_payment_a_fresh_worker_completes_it_from_its_history()
    {
        string orderId, sagaUrl, sku;
        await using (var first = await StartAsync())
        {
            sku = await first.Checkout.GivenStock(5);
            orderId = await first.Checkout.GivenOrder((sku, 2));
            sagaUrl = await AwaitingPayment(first, orderId);
            await first.Checkout.AssertStock(sku, onHand: 5, reserved: 2);
        }

        // A new process: a new engine and worker on the same task hub, the host on the same data directory.
        var second = await StartAsync();
        Assert.Equal("awaiting-payment", (await second.Checkout.SagaAt(sagaUrl, _ => true)).Value<string>("customStatus.stage"));
        Assert.Equal(HttpStatusCode.Accepted, (await second.Http.Post($"/api/payments/{orderId}/confirm", new { amount = 20m })).StatusCode);

        var saga = await second.Checkout.Finished(sagaUrl, Seconds);
        Assert.Equal("Completed", saga.Value<string>("status"));
        Assert.Equal(["ReserveStock", "RequestPayment", "ConfirmOrder", "CommitStock"], CheckoutDriver.Activities(saga));
        Assert.Equal(["StockAdded", "StockReserved", "ReservationCommitted"], await second.Checkout.EventTypes($"inventory-{sku}"));
        await second.Checkout.AssertStock(sku, onHand: 3, reserved: 0);
        await OrderStatus(second, orderId, "Confirmed");
    }
}
