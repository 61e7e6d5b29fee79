using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Ordering.LocalHost;

/// <summary>
/// Declares, for the OpenAPI document, the query parameters a shared endpoint reads itself through
/// <c>QueryParameters</c>: its handlers take the HttpRequest, so ASP.NET cannot see them, and a client generated from the
/// document could not send them. Bad values still get their 400 problem from the endpoint.
/// </summary>
internal static class OpenApiQueryParameters
{
    public static RouteHandlerBuilder WithQueryText(this RouteHandlerBuilder route, string name, string description) =>
        route.WithQuery(name, description, new OpenApiSchema { Type = JsonSchemaType.String });

    public static RouteHandlerBuilder WithQueryNumber(this RouteHandlerBuilder route, string name, string description, long min, long? max = null) =>
        route.WithQuery(name, description, new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int64",
            Minimum = min.ToString(CultureInfo.InvariantCulture),
            Maximum = max?.ToString(CultureInfo.InvariantCulture),
        });

    public static RouteHandlerBuilder WithQueryInstant(this RouteHandlerBuilder route, string name, string description) =>
        route.WithQuery(name, description, new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" });

    /// <summary>An enum's names, as a component schema named after the type, so generated clients get a type of that name.</summary>
    public static RouteHandlerBuilder WithQueryEnum<TEnum>(this RouteHandlerBuilder route, string name, string description) where TEnum : struct, Enum =>
        route.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            var document = context.Document ?? throw new InvalidOperationException("The operation has no document to hold its enum's schema.");
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[typeof(TEnum).Name] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. Enum.GetNames<TEnum>().Select(value => (JsonNode)JsonValue.Create(value))],
            };
            Add(operation, name, description, new OpenApiSchemaReference(typeof(TEnum).Name, document));
            return Task.CompletedTask;
        });

    private static RouteHandlerBuilder WithQuery(this RouteHandlerBuilder route, string name, string description, OpenApiSchema schema) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            Add(operation, name, description, schema);
            return Task.CompletedTask;
        });

    private static void Add(OpenApiOperation operation, string name, string description, IOpenApiSchema schema)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Query, Description = description, Schema = schema });
    }
}
