using EventSourcing.Http.Pipeline;
using Microsoft.AspNetCore.Http;
using Ordering.Application;

namespace Ordering.Http.Endpoints;

/// <summary>Stock arrivals and levels, and the payment provider's callbacks.</summary>
public static class InventoryAndPaymentEndpoints
{
    public static Task<IResult> Restock(HttpRequest request, string sku, ApiPipeline api, OrderingCommands commands) =>
        api.CommandAsync(request, async (command, ct) =>
        {
            var level = await commands.RestockAsync(sku, command.Read<RestockRequest>(), command.Context, ct);
            return ApiResponse.Ok(level, level.Version);
        });

    public static Task<IResult> GetStock(HttpRequest request, string sku, ApiPipeline api, OrderingQueries queries) =>
        api.QueryAsync(request, async ct =>
        {
            var level = await queries.GetStockAsync(sku, ct) ?? throw new NotFoundException($"SKU '{sku}' has no stock record.");
            return ApiResponse.Ok(level, level.Version);
        });

    public static Task<IResult> ConfirmPayment(HttpRequest request, string orderId, ApiPipeline api, OrderingCommands commands) =>
        api.CommandAsync(request, async (command, ct) =>
            Accepted(await commands.ConfirmPaymentAsync(orderId, command.Read<ConfirmPaymentRequest>(), command.Context, ct)));

    public static Task<IResult> FailPayment(HttpRequest request, string orderId, ApiPipeline api, OrderingCommands commands) =>
        api.CommandAsync(request, async (command, ct) =>
            Accepted(await commands.FailPaymentAsync(orderId, command.Read<FailPaymentRequest>(), command.Context, ct)));

    private static ApiResponse Accepted(PaymentWritten written) => ApiResponse.Accepted(written, written.Version);
}
