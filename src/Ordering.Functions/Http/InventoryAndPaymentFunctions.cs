using EventSourcing.Http.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Ordering.Application;
using Ordering.Http.Endpoints;

namespace Ordering.Functions.Http;

/// <summary>Stock and the payment provider's callbacks (which reach the saga from the feed, like every event).</summary>
public sealed class InventoryAndPaymentFunctions(ApiPipeline api, OrderingCommands commands, OrderingQueries queries)
{
    [Function("Restock")]
    public Task<IResult> Restock([HttpTrigger(AuthorizationLevel.Function, "post", Route = "inventory/{sku}/restock")] HttpRequest request, string sku) =>
        InventoryAndPaymentEndpoints.Restock(request, sku, api, commands);

    [Function("GetStock")]
    public Task<IResult> GetStock([HttpTrigger(AuthorizationLevel.Function, "get", Route = "inventory/{sku}")] HttpRequest request, string sku) =>
        InventoryAndPaymentEndpoints.GetStock(request, sku, api, queries);

    [Function("ConfirmPayment")]
    public Task<IResult> ConfirmPayment([HttpTrigger(AuthorizationLevel.Function, "post", Route = "payments/{orderId}/confirm")] HttpRequest request, string orderId) =>
        InventoryAndPaymentEndpoints.ConfirmPayment(request, orderId, api, commands);

    [Function("FailPayment")]
    public Task<IResult> FailPayment([HttpTrigger(AuthorizationLevel.Function, "post", Route = "payments/{orderId}/fail")] HttpRequest request, string orderId) =>
        InventoryAndPaymentEndpoints.FailPayment(request, orderId, api, commands);
}
