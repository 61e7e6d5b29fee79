using System.Text.Json.Serialization;

namespace EventSourcing.Cosmos.Documents;

/// <summary>The stream's tip: its version and last commit time. Every append replaces it under its ETag.</summary>
public sealed record TipDocument
{
    [JsonPropertyName("id")] public string Id { get; init; } = DocumentKinds.TipId;
    [JsonPropertyName("streamId")] public string StreamId { get; init; } = "";
    [JsonPropertyName("kind")] public string Kind { get; init; } = DocumentKinds.Tip;
    [JsonPropertyName("version")] public long Version { get; init; }

    [JsonPropertyName("timestamp"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset Timestamp { get; init; }
}
