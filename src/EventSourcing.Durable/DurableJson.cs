using System.Text.Json;
using EventSourcing.Serialization;

namespace EventSourcing.Durable;

/// <summary>
/// How payloads cross Durable: as a <see cref="JsonElement"/> in our options (camelCase, read case-insensitively), which
/// every data converter passes through as the JSON it is. The same shape the embedded runner keeps and the API serves.
/// </summary>
public static class DurableJson
{
    /// <summary>The options payloads are written and read with: the event serializer's defaults.</summary>
    public static JsonSerializerOptions Options => EventSerializer.DefaultOptions;

    /// <summary>The value as JSON, or null for null.</summary>
    public static JsonElement? Write(object? value) =>
        value switch
        {
            null => null,
            JsonElement json => json,
            _ => JsonSerializer.SerializeToElement(value, value.GetType(), Options),
        };

    /// <summary>The value <paramref name="json"/> holds, or default for none or JSON null.</summary>
    public static T? Read<T>(JsonElement? json) =>
        json is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } element ? element.Deserialize<T>(Options) : default;

    /// <summary>The value a serialized payload (Durable's metadata) holds, or default for none.</summary>
    public static T? Read<T>(string? serialized) =>
        serialized is { Length: > 0 } ? Read<T>(JsonSerializer.Deserialize<JsonElement?>(serialized, Options)) : default;
}
