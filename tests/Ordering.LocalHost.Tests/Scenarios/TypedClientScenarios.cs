using Ordering.Client;

namespace Ordering.LocalHost.Tests.Scenarios;

/// <summary>
/// The API through the C# client generated from docs/openapi.json at build time (src/Ordering.Client), on every backend
/// the suite runs against. The client deserializes strictly (required properties, declared status codes, enums), so a
/// response that no longer matches the document, or a document that no longer matches the routes, fails here.
/// </summary>
public abstract partial class OrderingApiScenarios
{
    private OrderingApiClient Typed => new(Client);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_typed_client_creates_an_order_adds_a_line_and_reads_it_back_from_the_read_models_and_the_audit_trail()
    {
        var customerId = NewId("cust");
        var created = await Typed.CreateOrderAsync(null, null, new CreateOrderRequest
        {
            CustomerId = customerId, Currency = "EUR", Items = [new OrderLineRequest { Sku = "book", Quantity = 2, UnitPrice = 12.5m }],
        }, Cancel);

        var added = await Typed.AddOrderItemAsync(created.OrderId, null, null, new AddItemRequest { Sku = "pen", Quantity = 1, UnitPrice = 3 }, Cancel);

        Assert.True(added.Version > created.Version);
        var order = await Typed.GetOrderAsync(created.OrderId, atVersion: null, asOf: null, minVersion: added.Version, Cancel);
        Assert.Equal((customerId, "Draft", 28m, "EUR", added.Version), (order.CustomerId, order.Status, order.Total, order.Currency, order.Version));
        Assert.Equal(["book", "pen"], order.Items.Select(line => line.Sku));
        var first = await Typed.GetOrderAsync(created.OrderId, atVersion: created.Version, asOf: null, minVersion: null, Cancel);
        Assert.Equal(["book"], first.Items.Select(line => line.Sku));
        await Eventually(async () => (await Typed.ListOrdersAsync(customerId, OrderStatusFilter.Draft, limit: 10, continuationToken: null, Cancel))
            .Items.SingleOrDefault()?.OrderId == created.OrderId);
        var trail = await Typed.GetStreamEventsAsync($"order-{created.OrderId}", fromVersion: null, maxCount: 10, ReadDirection.Forward, Cancel);
        Assert.Equal(["OrderCreated", "ItemAdded", "ItemAdded"], trail.Events.Select(e => e.Type));
        Assert.Equal(added.Version, trail.Version);
        Assert.All(trail.Events, e => Assert.False(string.IsNullOrEmpty(e.Metadata.CorrelationId)));
    }

    [Fact]
    public async Task The_typed_client_checks_out_and_confirms_the_payment_until_the_saga_completes()
    {
        var sku = NewId("sku");
        var stock = await Typed.RestockAsync(sku, null, null, new RestockRequest { Quantity = 5 }, Cancel);
        Assert.Equal((sku, 5L), (stock.Sku, stock.Available));
        var created = await Typed.CreateOrderAsync(null, null, new CreateOrderRequest
        {
            CustomerId = NewId("cust"), Items = [new OrderLineRequest { Sku = sku, Quantity = 2, UnitPrice = 12.5m }],
        }, Cancel);

        var checkout = await Typed.CheckOutOrderAsync(created.OrderId, null, null, Cancel);
        await Eventually(async () => await SagaOrNull(checkout.SagaId) is { CustomStatus: { } progress }
            && progress.AdditionalProperties.TryGetValue("stage", out var stage) && Equals(stage, "awaiting-payment"));
        var payment = await Typed.ConfirmPaymentAsync(created.OrderId, null, null, new ConfirmPaymentRequest { Amount = 25 }, Cancel);

        Assert.Equal(created.OrderId, payment.OrderId);
        await Eventually(async () => (await SagaOrNull(checkout.SagaId))?.Status is not (null or SagaStatus.Running));
        var saga = await Typed.GetSagaAsync(checkout.SagaId, Cancel);
        Assert.Equal(SagaStatus.Completed, saga.Status);
        Assert.Equal(["ReserveStock", "RequestPayment", "ConfirmOrder", "CommitStock"],
            saga.Steps.Where(step => step.Kind == "activity").Select(step => step.Name));
        await Eventually(async () => (await Typed.GetOrderAsync(created.OrderId, null, null, null, Cancel)).Status == "Confirmed");
        Assert.Equal((3L, 0L), ((await Typed.GetStockLevelAsync(sku, Cancel)).OnHand, (await Typed.GetStockLevelAsync(sku, Cancel)).Reserved));
    }

    [Fact]
    public async Task Problems_reach_the_typed_client_as_typed_errors_with_their_status_and_code()
    {
        var created = await Typed.CreateOrderAsync(null, null, new CreateOrderRequest
        {
            CustomerId = NewId("cust"), Items = [new OrderLineRequest { Sku = "book", Quantity = 1, UnitPrice = 10 }],
        }, Cancel);
        var line = new AddItemRequest { Sku = "pen", Quantity = 1, UnitPrice = 1 };

        var stale = await Problem(() => Typed.AddOrderItemAsync(created.OrderId, null, $"\"{created.Version - 1}\"", line, Cancel));
        var notConfirmed = await Problem(() => Typed.ShipOrderAsync(created.OrderId, null, null, Cancel));
        var invalid = await Problem(() => Typed.ListOrdersAsync(null, null, limit: 0, null, Cancel));
        var missing = await Problem(() => Typed.GetOrderAsync(NewId("no-such-order"), null, null, null, Cancel));

        Assert.Equal((412, "stale-version"), (stale.Status, stale.Code));
        Assert.Equal((409, "order-not-confirmed"), (notConfirmed.Status, notConfirmed.Code));
        Assert.Equal((400, "invalid-request"), (invalid.Status, invalid.Code));
        Assert.Contains("limit", invalid.Errors!.Keys);
        Assert.Equal((404, "not-found"), (missing.Status, missing.Code));
        var trail = await Typed.GetStreamEventsAsync($"order-{created.OrderId}", null, null, null, Cancel);
        Assert.Equal(created.Version, trail.Version); // nothing was appended by any of them
    }

    [Fact]
    public async Task The_typed_client_reads_health_and_the_projections_status_and_starts_a_rebuild()
    {
        var health = await Typed.GetHealthAsync(Cancel);
        var projections = await Typed.ListProjectionsAsync(Cancel);

        Assert.Equal(("Healthy", "reachable", null), (health.Status, health.Store, health.Error));
        Assert.Contains(projections, p => p.Name == "order-details");
        Assert.All(projections, p => Assert.Contains(p.Status, new[] { "Running", "CatchingUp", "Rebuilding" }));
        if (RebuildUnsupported is not null) return;
        var rebuild = await Typed.RebuildProjectionAsync("order-list", null, null, Cancel);
        Assert.Equal(("order-list", "/api/projections"), (rebuild.Name, rebuild.StatusUrl));
        Assert.True(rebuild.Version > projections.Single(p => p.Name == "order-list").Version);
    }

    private async Task<SagaInstance?> SagaOrNull(string sagaId)
    {
        try
        {
            return await Typed.GetSagaAsync(sagaId, Cancel);
        }
        catch (OrderingApiException<ProblemBody> e) when (e.StatusCode == 404)
        {
            return null; // the feed has not started it yet
        }
    }

    private static async Task<ProblemBody> Problem(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<OrderingApiException<ProblemBody>>(call);
        Assert.Equal(error.StatusCode, error.Result.Status);
        return error.Result;
    }
}
