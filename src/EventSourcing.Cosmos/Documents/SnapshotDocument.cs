using System.Text.Json.Serialization;

namespace EventSourcing.Cosmos.Documents;

/// <summary>The stream's snapshot, beside the tip so saving one never contends with appends.</summary>
public sealed record SnapshotDocument
{
    [JsonPropertyName("id")] public string Id { get; init; } = DocumentKinds.SnapshotId;
    [JsonPropertyName("streamId")] public string StreamId { get; init; } = "";
    [JsonPropertyName("kind")] public string Kind { get; init; } = DocumentKinds.Snapshot;
    [JsonPropertyName("version")] public long Version { get; init; }
    [JsonPropertyName("stateType")] public string StateType { get; init; } = "";
    [JsonPropertyName("schemaVersion")] public int SchemaVersion { get; init; }
    [JsonPropertyName("data")] public string Data { get; init; } = "";

    [JsonPropertyName("timestamp"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset Timestamp { get; init; }
}
