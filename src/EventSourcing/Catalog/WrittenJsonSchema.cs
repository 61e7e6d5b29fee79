using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace EventSourcing.Catalog;

/// <summary>
/// The JSON Schema of what a serializer writes for a type, generated with System.Text.Json's exporter from the
/// serializer's own options: member names, number and date formats, nullability, and which members are always there.
/// </summary>
public static class WrittenJsonSchema
{
    /// <summary>The JSON Schema dialect of every generated schema.</summary>
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>
    /// The schema of <paramref name="type"/> as <paramref name="writeOptions"/> write it. Objects list as required every
    /// member the writer always writes; <paramref name="closed"/> also forbids members the type does not have (say false
    /// for documents a store adds its own members to).
    /// </summary>
    public static JsonObject For(Type type, JsonSerializerOptions writeOptions, bool closed = true)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(writeOptions);
        var options = SchemaOptions(writeOptions);
        return (JsonObject)JsonSchemaExporter.GetJsonSchemaAsNode(options, type, ExporterOptions(options, closed));
    }

    /// <summary>
    /// The serializer's options as the exporter needs them to describe what is written: numbers a reader may also take
    /// from strings are still written as numbers, and nullable annotations say which members may be null.
    /// </summary>
    private static JsonSerializerOptions SchemaOptions(JsonSerializerOptions writeOptions)
    {
        var options = new JsonSerializerOptions(writeOptions)
        {
            NumberHandling = writeOptions.NumberHandling & ~JsonNumberHandling.AllowReadingFromString,
            RespectNullableAnnotations = true,
        };
        options.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }

    private static JsonSchemaExporterOptions ExporterOptions(JsonSerializerOptions options, bool closed) => new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = (context, node) =>
        {
            if (context.TypeInfo.Kind != JsonTypeInfoKind.Object || node is not JsonObject schema || schema["properties"] is not JsonObject) return node;
            // A subscriber can count on a member the writer always writes; a member it does not know means another shape.
            schema["required"] = new JsonArray([.. context.TypeInfo.Properties.Where(p => AlwaysWritten(p, options)).Select(p => (JsonNode)p.Name)]);
            if (closed) schema["additionalProperties"] = false;
            return node;
        },
    };

    private static bool AlwaysWritten(JsonPropertyInfo property, JsonSerializerOptions options) =>
        property.Get is not null && property.ShouldSerialize is null && options.DefaultIgnoreCondition switch
        {
            JsonIgnoreCondition.Never => true,
            // Nulls are left out: only what cannot be null is always there.
            JsonIgnoreCondition.WhenWritingNull => !property.IsGetNullable,
            _ => false,
        };
}
