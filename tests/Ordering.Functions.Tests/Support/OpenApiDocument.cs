using System.Text.Json.Nodes;

namespace Ordering.Functions.Tests.Support;

/// <summary>docs/openapi.json, the contract both hosts serve (the local host generates it, the Functions app embeds it).</summary>
internal static class OpenApiDocument
{
    private static readonly HashSet<string> Verbs = new(["get", "put", "post", "delete", "options", "head", "patch", "trace"], StringComparer.Ordinal);

    public static string PinnedPath { get; } = RepositoryFiles.PathOf("docs", "openapi.json");

    /// <summary>Every operation the document describes, as verb and path.</summary>
    public static IReadOnlyList<HttpRoute> Routes(string json) =>
    [
        .. from path in JsonNode.Parse(json)!["paths"]!.AsObject()
           from operation in path.Value!.AsObject()
           where Verbs.Contains(operation.Key)
           select HttpRoute.Of(operation.Key, path.Key),
    ];
}
