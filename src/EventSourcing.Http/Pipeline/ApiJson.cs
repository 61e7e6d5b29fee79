using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventSourcing.Http.Pipeline;

/// <summary>JSON as the API speaks it: camelCase, enums as strings, nulls omitted.</summary>
public static class ApiJson
{
    /// <summary>The serializer options of every body the API reads and writes.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}
