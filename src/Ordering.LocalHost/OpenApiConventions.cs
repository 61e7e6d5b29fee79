using Microsoft.OpenApi;

namespace Ordering.LocalHost;

/// <summary>
/// What the OpenAPI document says beyond the routes, for both hosts (the Functions app serves the same document):
/// the key every route but health and the document itself needs, and the Idempotency-Key every write accepts.
/// </summary>
internal static class OpenApiConventions
{
    private static readonly string[] OpenPaths = ["/api/health", "/api/openapi.json"];

    public static Task ApplyAsync(OpenApiDocument document)
    {
        // One document for both hosts: no host-specific title or server.
        document.Info.Title = "Ordering API";
        document.Servers = null;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            ["apiKey"] = Key("X-Api-Key", ParameterLocation.Header, "The local host's key (Auth:ApiKey), when one is set."),
            ["functionKey"] = Key("x-functions-key", ParameterLocation.Header, "An Azure Functions function key (or the `code` query parameter)."),
        };
        // Either key: the local host asks for one, the Functions app for the other.
        List<OpenApiSecurityRequirement> eitherKey =
        [
            new() { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] },
            new() { [new OpenApiSecuritySchemeReference("functionKey", document)] = [] },
        ];
        foreach (var (path, item) in document.Paths)
        {
            if (OpenPaths.Contains(path, StringComparer.Ordinal) || item.Operations is null) continue;
            foreach (var (method, operation) in item.Operations)
            {
                operation.Security = eitherKey;
                if (method != HttpMethod.Get) AcceptIdempotencyKey(operation);
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiSecurityScheme Key(string name, ParameterLocation location, string description) =>
        new() { Type = SecuritySchemeType.ApiKey, Name = name, In = location, Description = description };

    private static void AcceptIdempotencyKey(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "Idempotency-Key",
            In = ParameterLocation.Header,
            Required = false,
            Description = "Makes a retry safe: within 24 hours a repeat answers the first response and changes nothing (see docs/API.md).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
}
