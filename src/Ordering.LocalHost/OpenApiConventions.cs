using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ordering.LocalHost;

/// <summary>
/// What the OpenAPI document says beyond the routes, for both hosts (the Functions app serves the same document):
/// where the API is served, what each tag is about, the key every route needs but those <see cref="ApiKeyMiddleware"/>
/// leaves open, and the Idempotency-Key every write accepts. .ci/run lints the result with Redocly (redocly.yaml).
/// </summary>
internal static class OpenApiConventions
{
    /// <summary>
    /// Every tag a route uses, with what its routes are about. A route with a new tag adds its line here; Redocly's
    /// tag-description rule fails CI on a tag without one.
    /// </summary>
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Orders"] = "Orders and their lines, from draft to checkout, shipping or cancellation; reads come from the read models or, for a past state, from the order's events.",
        ["Payments"] = "The payment provider's callbacks for an order in checkout; the checkout saga picks them up from the events they record.",
        ["Inventory"] = "Stock per SKU: what arrived, what checkouts reserved, what is available.",
        ["Sagas"] = "Long-running processes (the checkout saga) and where each stands, computed from their history.",
        ["Operations"] = "The event store's streams, projections, feed subscriptions and their dead letters, and the health probe.",
        ["Subscribers"] = "For services that follow the backend's events: the feed of every event in commit order, paged by an opaque cursor, with long polling.",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddOperationTransformer((operation, context, _) => PreferRouteTexts(operation, context));
        options.AddDocumentTransformer((document, _, _) => ApplyAsync(document));
        options.AddSchemaTransformer((schema, context, _) => DeclareDecimals(schema, context));
    }

    // ASP.NET documents a C# decimal as "double", so generated clients would carry amounts of money in binary floating
    // point; "decimal" makes them use a decimal type (NSwag: System.Decimal), as the API's JSON numbers are meant.
    private static Task DeclareDecimals(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        var type = context.JsonTypeInfo.Type;
        if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(decimal)) schema.Format = "decimal";
        return Task.CompletedTask;
    }

    // The handler's XML doc comment fills summary and description first (ASP.NET's XML comment transformer); what the
    // route declares (WithSummary, WithDescription) is written for the API's readers, so it wins.
    private static Task PreferRouteTexts(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault() is { Summary.Length: > 0 } summary) operation.Summary = summary.Summary;
        if (metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault() is { Description.Length: > 0 } description)
            operation.Description = description.Description;
        return Task.CompletedTask;
    }

    // The API omits null properties (ApiJson), so a nullable property is optional on the wire, whatever the C# record
    // says. Done on the finished document: ASP.NET wraps nullable references in oneOf after the schema transformers ran.
    private static void OmitNullsFromRequired(OpenApiDocument document)
    {
        foreach (var schema in document.Components?.Schemas?.Values ?? Enumerable.Empty<IOpenApiSchema>())
        {
            if (schema is not OpenApiSchema { Required: { Count: > 0 } required, Properties: { } properties }) continue;
            foreach (var (name, property) in properties)
                if (IsNullable(property)) required.Remove(name);
        }
    }

    private static bool IsNullable(IOpenApiSchema property) =>
        property.Type?.HasFlag(JsonSchemaType.Null) == true || property.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true;

    private static Task ApplyAsync(OpenApiDocument document)
    {
        document.Info.Title = "Ordering API";
        document.Info.Description = "An event-sourced ordering backend. Both hosts serve this document: the local host "
            + "(one process on SQLite or Cosmos DB) and the Azure Functions app. docs/API.md explains the rules every route keeps.";
        document.Servers =
        [
            new OpenApiServer { Url = "http://127.0.0.1:7071", Description = "The local host at its default address (`dotnet run --project src/Ordering.LocalHost`)." },
            new OpenApiServer
            {
                Url = "https://{functionAppHostName}",
                Description = "The Azure Functions app.",
                Variables = new Dictionary<string, OpenApiServerVariable>
                {
                    ["functionAppHostName"] = new()
                    {
                        Default = "func-ordering.azurewebsites.net",
                        Description = "The app's host name: the deployment's `functionAppDefaultHostName` output (infra/main.bicep).",
                    },
                },
            },
        ];
        OmitNullsFromRequired(document);
        DescribeTags(document);
        RequireAKey(document);
        return Task.CompletedTask;
    }

    private static void DescribeTags(OpenApiDocument document)
    {
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description)) tag.Description = description;
    }

    private static void RequireAKey(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            ["apiKey"] = Key(ApiKeyMiddleware.Header, "The local host's key (Auth:ApiKey or one of Auth:ApiKeys), needed when one is set."),
            ["functionKey"] = Key("x-functions-key", "An Azure Functions function key (or the `code` query parameter)."),
        };
        // Either key: the local host asks for one, the Functions app for the other.
        document.Security =
        [
            new() { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] },
            new() { [new OpenApiSecuritySchemeReference("functionKey", document)] = [] },
        ];
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                // An empty list overrides the document's: no key at all (health, the catalog).
                if (ApiKeyMiddleware.IsOpen(method.Method, path)) operation.Security = [];
                if (method != HttpMethod.Get) AcceptIdempotencyKey(operation);
                if (method != HttpMethod.Get && operation.Responses?.ContainsKey("412") == true) AcceptIfMatch(operation);
            }
        }
    }

    private static OpenApiSecurityScheme Key(string header, string description) =>
        new() { Type = SecuritySchemeType.ApiKey, Name = header, In = ParameterLocation.Header, Description = description };

    private static void AcceptIdempotencyKey(OpenApiOperation operation) => AcceptHeader(operation, "Idempotency-Key",
        "Makes a retry safe: within 24 hours a repeat answers the first response and changes nothing (see docs/API.md).");

    private static void AcceptIfMatch(OpenApiOperation operation) => AcceptHeader(operation, "If-Match",
        "The stream version the caller saw, as the ETag it was sent (\"N\"): a write to a stream that has moved on since gets 412 and changes nothing.");

    private static void AcceptHeader(OpenApiOperation operation, string name, string description)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
}
