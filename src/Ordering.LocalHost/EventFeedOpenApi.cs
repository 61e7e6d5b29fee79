using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ordering.LocalHost;

/// <summary>
/// The feed's query parameters for the OpenAPI document: the shared endpoint reads them from the request itself, so
/// the route's signature cannot tell the generator about them, and a client generated from the document needs them.
/// </summary>
internal static class EventFeedOpenApi
{
    public const string Description =
        "Every event of the store in commit order (each stream's in version order), each exactly once across pages, with its " +
        "envelope as in the audit trail plus its streamId. Pass `next` back as `after` to continue; `next` is set on every page, " +
        "an empty one too, so a subscriber long-polls with it (`waitSeconds`). The cursor is opaque: a malformed one, or one " +
        "another store issued, is a 400, never a restart from the beginning. With filters a page may be empty while `next` " +
        "moves on (a stretch of other events was passed over): keep following `next` with the same filters.";

    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        Add(operation, "after", JsonSchemaType.String,
            "The `next` of the previous page; omitted, the feed starts at the beginning (or at `since`).");
        Add(operation, "maxCount", JsonSchemaType.Integer, "At most this many events, 1 to 1000 (default 100).", minimum: "1", maximum: "1000");
        Add(operation, "waitSeconds", JsonSchemaType.Integer,
            "When no event is there yet, wait up to this many seconds (0 to 30, default 0) and answer as soon as one commits.",
            minimum: "0", maximum: "30");
        Add(operation, "types", JsonSchemaType.String, "Only these stored event names, comma-separated (e.g. `OrderConfirmed,PaymentRefunded`).");
        Add(operation, "streamPrefix", JsonSchemaType.String, "Only streams whose id starts with this (e.g. `order-`).");
        Add(operation, "since", JsonSchemaType.String,
            "Only events committed at or after this ISO-8601 instant; without `after`, the feed starts there.", format: "date-time");
        return Task.CompletedTask;
    }

    private static void Add(
        OpenApiOperation operation, string name, JsonSchemaType type, string description, string? minimum = null, string? maximum = null, string? format = null) =>
        operation.Parameters!.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Query,
            Required = false,
            Description = description,
            Schema = new OpenApiSchema { Type = type, Minimum = minimum, Maximum = maximum, Format = format },
        });
}
