using System.Text.Json.Serialization;

namespace EventSourcing.Cosmos.Documents;

/// <summary>The kinds of document in the events container, all in the stream's partition.</summary>
public static class DocumentKinds
{
    public const string Commit = "commit";
    public const string Tip = "tip";
    public const string Snapshot = "snapshot";

    /// <summary>Id of the stream's tip document.</summary>
    public const string TipId = "tip";

    /// <summary>Id of the stream's snapshot document.</summary>
    public const string SnapshotId = "snapshot";

    /// <summary>
    /// Id of the commit whose first event has id <paramref name="firstEventId"/>. Ids are unique within the stream's
    /// partition, so a batch that carries an already stored first event fails with 409 by itself, at no extra cost:
    /// a resent append, or a command decided again with the ids derived from its idempotency key, is then recognised
    /// by the id lookup that follows every conflict. (Two appends at one version still clash on the tip's ETag.)
    /// Commits written before this rule have their first version as id; nothing reads commit ids.
    /// </summary>
    public static string CommitId(Guid firstEventId) => firstEventId.ToString("D", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One append: all its events, in order, written once and never changed. The change feed delivers these
/// (and tips, which readers of the feed ignore); the Functions trigger binds to this type.
/// </summary>
public sealed record CommitDocument
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("streamId")] public string StreamId { get; init; } = "";
    [JsonPropertyName("kind")] public string Kind { get; init; } = "";

    /// <summary>Version of the first event.</summary>
    [JsonPropertyName("first")] public long First { get; init; }

    /// <summary>Version of the last event.</summary>
    [JsonPropertyName("last")] public long Last { get; init; }

    /// <summary>When the append committed; never earlier than the stream's previous commit.</summary>
    [JsonPropertyName("timestamp"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset Timestamp { get; init; }

    [JsonPropertyName("events")] public IReadOnlyList<EventEntry> Events { get; init; } = [];
}

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
