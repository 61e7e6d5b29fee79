using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ordering.LocalHost;

/// <summary>
/// The query parameters of the stream and saga listings for the OpenAPI document: the shared endpoints read them from
/// the request itself, so the generator cannot see them, and a client generated from the document needs them.
/// </summary>
internal static class ListingOpenApi
{
    public static Task DescribeStreamsAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        Add(operation, "prefix", JsonSchemaType.String, "Only streams whose id starts with this (e.g. `order-`), at most 200 characters.", maxLength: 200);
        Add(operation, "after", JsonSchemaType.String, "The `next` of the previous page: streams whose id sorts after it.", maxLength: 200);
        Add(operation, "maxCount", JsonSchemaType.Integer, "At most this many streams, 1 to 1000 (default 100).", minimum: "1", maximum: "1000");
        return Task.CompletedTask;
    }

    public static Task DescribeSagasAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        Add(operation, "status", JsonSchemaType.String, "Only instances in this status: Running, Completed, Compensated or Failed.");
        Add(operation, "maxCount", JsonSchemaType.Integer, "At most this many instances, 1 to 100 (default 50).", minimum: "1", maximum: "100");
        Add(operation, "continuationToken", JsonSchemaType.String, "The `continuationToken` of the previous page.");
        return Task.CompletedTask;
    }

    private static void Add(
        OpenApiOperation operation, string name, JsonSchemaType type, string description, string? minimum = null, string? maximum = null, int? maxLength = null)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Query,
            Required = false,
            Description = description,
            Schema = new OpenApiSchema { Type = type, Minimum = minimum, Maximum = maximum, MaxLength = maxLength },
        });
    }
}
