using System.Text.Json.Serialization;

namespace EventSourcing.Cosmos.Documents;

/// <summary>The stream's snapshot, beside the tip so saving one never contends with appends.</summary>
public sealed record SnapshotDocument
{
    /// <summary>Always <see cref="DocumentKinds.SnapshotId"/>: one snapshot per stream.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = DocumentKinds.SnapshotId;
    /// <summary>The stream, also the partition key.</summary>
    [JsonPropertyName("streamId")] public string StreamId { get; init; } = "";
    /// <summary>Always <see cref="DocumentKinds.Snapshot"/>.</summary>
    [JsonPropertyName("kind")] public string Kind { get; init; } = DocumentKinds.Snapshot;
    /// <summary>The stream version the state was folded up to.</summary>
    [JsonPropertyName("version")] public long Version { get; init; }
    /// <summary>The name of the state's type.</summary>
    [JsonPropertyName("stateType")] public string StateType { get; init; } = "";
    /// <summary>The version of the state's shape; a snapshot of another version is not used.</summary>
    [JsonPropertyName("schemaVersion")] public int SchemaVersion { get; init; }
    /// <summary>The state's JSON as text.</summary>
    [JsonPropertyName("data")] public string Data { get; init; } = "";

    /// <summary>When the snapshot was taken.</summary>
    [JsonPropertyName("timestamp"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset Timestamp { get; init; }
}
