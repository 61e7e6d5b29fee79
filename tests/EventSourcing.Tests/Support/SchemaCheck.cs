using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace EventSourcing.Tests.Support;

/// <summary>Validates JSON against a draft 2020-12 schema with JsonSchema.Net, formats (date-time) included.</summary>
internal static class SchemaCheck
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>What is wrong with <paramref name="json"/> by <paramref name="schema"/>, one line per error; empty when it is valid.</summary>
    public static IReadOnlyList<string> Violations(JsonNode schema, string json)
    {
        using var schemaDocument = JsonDocument.Parse(schema.ToJsonString());
        // A registry per schema: the catalog's schemas have no $id, so a shared one would see them all as one document.
        var built = JsonSchema.Build(schemaDocument.RootElement, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var instance = JsonDocument.Parse(json);
        var result = built.Evaluate(instance.RootElement, Options);
        if (result.IsValid) return [];
        return [.. (result.Details ?? []).Append(result).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }
}
