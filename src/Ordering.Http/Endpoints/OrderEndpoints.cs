using EventSourcing.Http.Pipeline;
using Microsoft.AspNetCore.Http;
using Ordering.Application;

namespace Ordering.Http.Endpoints;

/// <summary>Writes to orders. Each handler binds input, calls the application, maps the result.</summary>
public static class OrderEndpoints
{
    public static Task<IResult> Create(HttpRequest request, ApiPipeline api, OrderingCommands commands) =>
        api.CommandAsync(request, async (command, ct) =>
        {
            var written = await commands.CreateOrderAsync(command.Read<CreateOrderRequest>(), command.Context, ct);
            return ApiResponse.Created($"/api/orders/{written.OrderId}", written, written.Version);
        });

    public static Task<IResult> AddItem(HttpRequest request, string orderId, ApiPipeline api, OrderingCommands commands) =>
        api.CommandAsync(request, async (command, ct) =>
            Written(await commands.AddItemAsync(orderId, command.Read<AddItemRequest>(), command.Context, ct)));

    public static Task<IResult> RemoveItem(HttpRequest request, string orderId, string sku, ApiPipeline api, OrderingCommands commands) =>
        api.CommandAsync(request, async (command, ct) =>
            Written(await commands.RemoveItemAsync(orderId, sku, command.Context, ct)));

    public static Task<IResult> Checkout(HttpRequest request, string orderId, ApiPipeline api, OrderingCommands commands) =>
        api.CommandAsync(request, async (command, ct) =>
        {
            var accepted = await commands.CheckoutAsync(orderId, command.Context, ct);
            return ApiResponse.Accepted(new CheckoutStarted(accepted.OrderId, accepted.SagaId, $"/api/sagas/{accepted.SagaId}"), accepted.Version);
        });

    public static Task<IResult> Ship(HttpRequest request, string orderId, ApiPipeline api, OrderingCommands commands) =>
        api.CommandAsync(request, async (command, ct) => Written(await commands.ShipAsync(orderId, command.Context, ct)));

    public static Task<IResult> Cancel(HttpRequest request, string orderId, ApiPipeline api, OrderingCommands commands) =>
        api.CommandAsync(request, async (command, ct) =>
            Written(await commands.CancelAsync(orderId, command.Read<CancelOrderRequest>(), command.Context, ct)));

    private static ApiResponse Written(OrderWritten written) => ApiResponse.Ok(written, written.Version);
}

/// <summary>202 to a checkout: the saga carrying it on and where to follow it.</summary>
public sealed record CheckoutStarted(string OrderId, string SagaId, string StatusUrl);
