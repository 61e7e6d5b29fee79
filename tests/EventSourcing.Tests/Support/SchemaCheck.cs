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
        ArgumentNullException.ThrowIfNull(schema);
        using var schemaDocument = JsonDocument.Parse(schema.ToJsonString());
        // A registry per schema: the catalog's schemas have no $id, so a shared one would see them all as one document.
        return Evaluate(JsonSchema.Build(schemaDocument.RootElement, new BuildOptions { SchemaRegistry = new SchemaRegistry() }), json);
    }

    /// <summary>
    /// As <see cref="Violations(JsonNode, string)"/> for the schema in <paramref name="schemaPath"/>, whose references to
    /// other schema files (relative, e.g. <c>../events/OrderCreated.v1.schema.json</c>) are read from disk.
    /// </summary>
    public static IReadOnlyList<string> ViolationsOfFile(string schemaPath, string json)
    {
        var registry = new SchemaRegistry();
        registry.Fetch = (uri, fetching) => uri.IsFile && File.Exists(uri.LocalPath) ? Load(uri, fetching) : null;
        return Evaluate(Load(new Uri(Path.GetFullPath(schemaPath)), registry), json);
    }

    private static JsonSchema Load(Uri file, SchemaRegistry registry)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file.LocalPath));
        return JsonSchema.Build(document.RootElement.Clone(), new BuildOptions { SchemaRegistry = registry }, file);
    }

    private static IReadOnlyList<string> Evaluate(JsonSchema schema, string json)
    {
        using var instance = JsonDocument.Parse(json);
        var result = schema.Evaluate(instance.RootElement, Options);
        if (result.IsValid) return [];
        return [.. (result.Details ?? []).Append(result).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }
}
