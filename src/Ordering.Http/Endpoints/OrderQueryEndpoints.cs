using EventSourcing.Http.Pipeline;
using Microsoft.AspNetCore.Http;
using Ordering.Application;

namespace Ordering.Http.Endpoints;

/// <summary>Reads of orders: the read model, read-your-writes, temporal state from events, and the paged list.</summary>
public static class OrderQueryEndpoints
{
    public const string StaleHeader = "X-Read-Model-Stale";

    public static Task<IResult> Get(HttpRequest request, string orderId, ApiPipeline api, OrderingQueries queries) =>
        api.QueryAsync(request, async ct =>
        {
            var atVersion = QueryParameters.WholeNumber(request, "atVersion", min: 1);
            var asOf = QueryParameters.Instant(request, "asOf");
            if (atVersion is not null || asOf is not null)
            {
                var then = await queries.GetOrderAtAsync(orderId, atVersion, asOf, ct) ?? throw NotFound(orderId);
                return ApiResponse.Ok(then, then.Version);
            }

            var minVersion = QueryParameters.WholeNumber(request, "minVersion", min: 0) ?? 0;
            var (order, stale) = await queries.GetOrderAsync(orderId, minVersion, ct);
            if (order is null) throw NotFound(orderId);
            var response = ApiResponse.Ok(order, order.Version);
            return stale ? response with { Headers = new Dictionary<string, string>(response.Headers!) { [StaleHeader] = "true" } } : response;
        });

    public static Task<IResult> List(HttpRequest request, ApiPipeline api, OrderingQueries queries) =>
        api.QueryAsync(request, async ct =>
        {
            var page = await queries.ListOrdersAsync(
                QueryParameters.Text(request, "customerId"),
                QueryParameters.Enum<OrderStatusFilter>(request, "status"),
                (int)(QueryParameters.WholeNumber(request, "limit", min: 1, max: 1000) ?? 50),
                QueryParameters.Text(request, "continuationToken"),
                ct);
            return ApiResponse.Ok(page);
        });

    public static Task<IResult> CustomerSummary(HttpRequest request, string customerId, ApiPipeline api, OrderingQueries queries) =>
        api.QueryAsync(request, async ct =>
            ApiResponse.Ok(await queries.GetCustomerSummaryAsync(customerId, ct) ?? throw new NotFoundException($"Customer '{customerId}' has no orders.")));

    private static NotFoundException NotFound(string orderId) => new($"Order '{orderId}' does not exist.");
}
