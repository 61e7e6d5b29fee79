using System.Text.Json.Serialization;

namespace EventSourcing.Cosmos.Documents;

/// <summary>
/// One append: all its events, in order, written once and never changed. The change feed delivers these
/// (and tips, which readers of the feed ignore); the Functions trigger binds to this type.
/// </summary>
public sealed record CommitDocument
{
    /// <summary>The commit's id, made from its first event's id (see <see cref="DocumentKinds.CommitId"/>).</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    /// <summary>The stream, also the partition key.</summary>
    [JsonPropertyName("streamId")] public string StreamId { get; init; } = "";
    /// <summary>Always <see cref="DocumentKinds.Commit"/>.</summary>
    [JsonPropertyName("kind")] public string Kind { get; init; } = "";

    /// <summary>Version of the first event.</summary>
    [JsonPropertyName("first")] public long First { get; init; }

    /// <summary>Version of the last event.</summary>
    [JsonPropertyName("last")] public long Last { get; init; }

    /// <summary>When the append committed; never earlier than the stream's previous commit.</summary>
    [JsonPropertyName("timestamp"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The append's events, in version order.</summary>
    [JsonPropertyName("events")] public IReadOnlyList<EventEntry> Events { get; init; } = [];
}
