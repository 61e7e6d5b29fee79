using Ordering.Http.Endpoints;

namespace Ordering.LocalHost;

/// <summary>The routes of shared/API.md, each bound to the shared endpoint that serves it.</summary>
internal static class ApiRoutes
{
    public static void MapOrderingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        var orders = api.MapGroup("/orders").WithTags("Orders");
        orders.MapPost("", OrderEndpoints.Create).Accepts<Application.CreateOrderRequest>("application/json");
        orders.MapGet("", OrderQueryEndpoints.List);
        orders.MapGet("/{orderId}", OrderQueryEndpoints.Get);
        orders.MapPost("/{orderId}/items", OrderEndpoints.AddItem).Accepts<Application.AddItemRequest>("application/json");
        orders.MapDelete("/{orderId}/items/{sku}", OrderEndpoints.RemoveItem);
        orders.MapPost("/{orderId}/checkout", OrderEndpoints.Checkout);
        orders.MapPost("/{orderId}/ship", OrderEndpoints.Ship);
        orders.MapPost("/{orderId}/cancel", OrderEndpoints.Cancel).Accepts<Application.CancelOrderRequest>("application/json");

        api.MapGet("/customers/{customerId}/summary", OrderQueryEndpoints.CustomerSummary).WithTags("Orders");

        var payments = api.MapGroup("/payments").WithTags("Payments");
        payments.MapPost("/{orderId}/confirm", InventoryAndPaymentEndpoints.ConfirmPayment).Accepts<Application.ConfirmPaymentRequest>("application/json");
        payments.MapPost("/{orderId}/fail", InventoryAndPaymentEndpoints.FailPayment).Accepts<Application.FailPaymentRequest>("application/json");

        var inventory = api.MapGroup("/inventory").WithTags("Inventory");
        inventory.MapGet("/{sku}", InventoryAndPaymentEndpoints.GetStock);
        inventory.MapPost("/{sku}/restock", InventoryAndPaymentEndpoints.Restock).Accepts<Application.RestockRequest>("application/json");

        var operations = api.MapGroup("").WithTags("Operations");
        operations.MapGet("/streams/{streamId}/events", StreamEndpoints.Events);
        operations.MapGet("/projections", OperationsEndpoints.Projections);
        operations.MapPost("/projections/{name}/rebuild", OperationsEndpoints.Rebuild);
        operations.MapGet("/projections/{name}/deadletters", OperationsEndpoints.DeadLetters);
        operations.MapPost("/projections/{name}/deadletters/retry", OperationsEndpoints.RetryDeadLetters);
        operations.MapGet("/health", OperationsEndpoints.Health);
    }
}
