using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Ordering.Application;

namespace Ordering.LocalHost;

/// <summary>
/// The correlation trace's description and query parameters for the OpenAPI document: the shared endpoint reads them
/// from the request itself, so the route's signature cannot tell the generator about them.
/// </summary>
internal static class CorrelationTraceOpenApi
{
    public const string Description =
        "One request or workflow (a checkout: its order, stock, payment and saga steps) read back in one call. Commit order is " +
        "the global position on SQLite; on Cosmos DB, which has none, the commit timestamp, then the stream id, then the version, " +
        "so each stream's events stay in version order. When more events follow than a page holds, `next` is an opaque cursor to " +
        "pass back as `after`; on the page with the last event stored now it is null. An id no event carries answers 200 with no " +
        "events. Saga history is in the trace where the embedded saga runner stores it (the local host); on the Functions app the " +
        "saga runs on Durable Functions, whose history is not in the event store.";

    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        EventFeedOpenApi.Add(operation, "after", JsonSchemaType.String, "The `next` of the previous page; omitted, the trace starts at its first event.");
        EventFeedOpenApi.Add(operation, "maxCount", JsonSchemaType.Integer,
            $"At most this many events, 1 to {CorrelationTrace.MaxPageSize} (default {CorrelationTrace.MaxPageSize}).",
            minimum: "1", maximum: $"{CorrelationTrace.MaxPageSize}");
        return Task.CompletedTask;
    }
}
