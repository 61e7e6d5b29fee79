using System.Text.Json.Serialization;

namespace EventSourcing.Cosmos.Documents;

/// <summary>One event inside a commit.</summary>
public sealed record EventEntry
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("version")] public long Version { get; init; }
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("schemaVersion")] public int SchemaVersion { get; init; }

    /// <summary>The event's JSON as text, kept byte for byte (Cosmos would reformat an embedded object and turn its numbers into doubles).</summary>
    [JsonPropertyName("data")] public string Data { get; init; } = "";
    [JsonPropertyName("correlationId")] public string? CorrelationId { get; init; }
    [JsonPropertyName("causationId")] public string? CausationId { get; init; }
    [JsonPropertyName("headers")] public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
