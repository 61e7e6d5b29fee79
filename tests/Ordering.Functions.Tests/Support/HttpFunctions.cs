using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;

namespace Ordering.Functions.Tests.Support;

/// <summary>An HTTP function: its name, the route the Functions host serves it at and the key it asks for.</summary>
internal sealed record HttpFunction(string Name, HttpRoute Route, AuthorizationLevel AuthLevel);

/// <summary>The app's HTTP functions, read from their trigger attributes as the Functions host reads them.</summary>
internal static class HttpFunctions
{
    /// <summary>The host puts every HTTP route under host.json's extensions.http.routePrefix ("api" when unset).</summary>
    public static string RoutePrefix { get; } =
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("host.json")))?["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? "api";

    public static IReadOnlyList<HttpFunction> All { get; } =
    [
        .. from function in FunctionsApp.Functions
           let trigger = FunctionsApp.Trigger<HttpTriggerAttribute>(function)
           where trigger is not null
           let name = FunctionsApp.NameOf(function)
           // No methods means every method; no route means the function's name.
           from method in trigger.Methods ?? ["*"]
           select new HttpFunction(name, HttpRoute.Of(method, $"{RoutePrefix}/{trigger.Route ?? name}"), trigger.AuthLevel),
    ];
}
