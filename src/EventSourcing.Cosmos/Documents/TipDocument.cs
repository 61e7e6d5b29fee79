using System.Text.Json.Serialization;

namespace EventSourcing.Cosmos.Documents;

/// <summary>The stream's tip: its version and last commit time. Every append replaces it under its ETag.</summary>
public sealed record TipDocument
{
    /// <summary>Always <see cref="DocumentKinds.TipId"/>: one tip per stream.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = DocumentKinds.TipId;
    /// <summary>The stream, also the partition key.</summary>
    [JsonPropertyName("streamId")] public string StreamId { get; init; } = "";
    /// <summary>Always <see cref="DocumentKinds.Tip"/>.</summary>
    [JsonPropertyName("kind")] public string Kind { get; init; } = DocumentKinds.Tip;
    /// <summary>The stream's version: its last event's.</summary>
    [JsonPropertyName("version")] public long Version { get; init; }

    /// <summary>When the stream's last append committed.</summary>
    [JsonPropertyName("timestamp"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset Timestamp { get; init; }
}
