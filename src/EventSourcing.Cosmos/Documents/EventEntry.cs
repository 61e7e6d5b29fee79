using System.Text.Json.Serialization;

namespace EventSourcing.Cosmos.Documents;

/// <summary>One event inside a commit.</summary>
public sealed record EventEntry
{
    /// <summary>The event id, unique in the store.</summary>
    [JsonPropertyName("id")] public Guid Id { get; init; }
    /// <summary>The event's version in its stream (1-based).</summary>
    [JsonPropertyName("version")] public long Version { get; init; }
    /// <summary>The stored event type name.</summary>
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    /// <summary>The version of the event type's shape the data was written in.</summary>
    [JsonPropertyName("schemaVersion")] public int SchemaVersion { get; init; }

    /// <summary>The event's JSON as text, kept byte for byte (Cosmos would reformat an embedded object and turn its numbers into doubles).</summary>
    [JsonPropertyName("data")] public string Data { get; init; } = "";
    /// <summary>The correlation id of the work that produced the event, if any.</summary>
    [JsonPropertyName("correlationId")] public string? CorrelationId { get; init; }
    /// <summary>The id of what caused the event (a command or event), if any.</summary>
    [JsonPropertyName("causationId")] public string? CausationId { get; init; }
    /// <summary>Other metadata, if any.</summary>
    [JsonPropertyName("headers")] public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
