using EventSourcing.Http.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Ordering.Application;
using Ordering.Http.Endpoints;

namespace Ordering.Functions.Http;

/// <summary>The order routes of docs/API.md, each bound to the endpoint the local host serves too.</summary>
public sealed class OrderFunctions(ApiPipeline api, OrderingCommands commands, OrderingQueries queries)
{
    [Function("CreateOrder")]
    public Task<IResult> Create([HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders")] HttpRequest request) =>
        OrderEndpoints.Create(request, api, commands);

    [Function("ListOrders")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = "orders")] HttpRequest request) =>
        OrderQueryEndpoints.List(request, api, queries);

    [Function("GetOrder")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = "orders/{orderId}")] HttpRequest request, string orderId) =>
        OrderQueryEndpoints.Get(request, orderId, api, queries);

    [Function("AddItem")]
    public Task<IResult> AddItem([HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{orderId}/items")] HttpRequest request, string orderId) =>
        OrderEndpoints.AddItem(request, orderId, api, commands);

    [Function("RemoveItem")]
    public Task<IResult> RemoveItem(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "orders/{orderId}/items/{sku}")] HttpRequest request, string orderId, string sku) =>
        OrderEndpoints.RemoveItem(request, orderId, sku, api, commands);

    [Function("StartCheckout")]
    public Task<IResult> Checkout([HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{orderId}/checkout")] HttpRequest request, string orderId) =>
        OrderEndpoints.Checkout(request, orderId, api, commands);

    [Function("ShipOrder")]
    public Task<IResult> Ship([HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{orderId}/ship")] HttpRequest request, string orderId) =>
        OrderEndpoints.Ship(request, orderId, api, commands);

    [Function("RequestCancellation")]
    public Task<IResult> Cancel([HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders/{orderId}/cancel")] HttpRequest request, string orderId) =>
        OrderEndpoints.Cancel(request, orderId, api, commands);

    [Function("CustomerSummary")]
    public Task<IResult> CustomerSummary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "customers/{customerId}/summary")] HttpRequest request, string customerId) =>
        OrderQueryEndpoints.CustomerSummary(request, customerId, api, queries);
}
