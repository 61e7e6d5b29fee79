using System.Text.Json.Nodes;

namespace Infrastructure.Tests;

/// <summary>What main.bicep passes to its modules, from its compiled ARM JSON.</summary>
public static class Deployments
{
    /// <summary>Module name -> the parameters main.bicep gives it (each { "value": … }).</summary>
    public static async Task<IReadOnlyDictionary<string, JsonObject>> ModulesAsync()
    {
        var arm = await Bicep.CompiledAsync("main.bicep");
        return Resources(arm)
            .Where(r => (string?)r["type"] == "Microsoft.Resources/deployments")
            .ToDictionary(r => (string)r["name"]!, r => r["properties"]!["parameters"]!.AsObject());
    }

    /// <summary>The resources of a compiled template, whether Bicep emitted them as an array or (with symbolic names) an object.</summary>
    public static IEnumerable<JsonObject> Resources(JsonObject arm) => arm["resources"] switch
    {
        JsonArray list => list.Select(r => r!.AsObject()),
        JsonObject named => named.Select(r => r.Value!.AsObject()),
        _ => [],
    };

    public static IEnumerable<JsonObject> OfType(JsonObject arm, string type) =>
        Resources(arm).Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));
}
