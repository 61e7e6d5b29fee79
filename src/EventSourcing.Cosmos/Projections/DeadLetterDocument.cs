using System.Globalization;
using System.Text.Json.Serialization;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Projections;

namespace EventSourcing.Cosmos.Projections;

/// <summary>
/// A parked event in the dead-letters container (partition key <c>/streamId</c>, id <c>projection:version</c>): the
/// whole envelope, the error and the attempts, enough to apply it again without the change feed.
/// </summary>
public sealed record DeadLetterDocument
{
    /// <summary><see cref="IdOf"/> of the projection and version: one letter per projection, stream and version.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    /// <summary>The event's stream, also the partition key.</summary>
    [JsonPropertyName("streamId")] public string StreamId { get; init; } = "";
    /// <summary>The projection (a generation's physical name) that could not apply the event.</summary>
    [JsonPropertyName("projection")] public string Projection { get; init; } = "";
    /// <summary>The projection's generation; 1 for letters written before rebuilds existed.</summary>
    [JsonPropertyName("generation")] public int Generation { get; init; } = 1;
    /// <summary>The event's version in its stream.</summary>
    [JsonPropertyName("version")] public long Version { get; init; }

    /// <summary>When the event's append committed.</summary>
    [JsonPropertyName("timestamp"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The whole event, enough to apply it again.</summary>
    [JsonPropertyName("event")] public EventEntry Event { get; init; } = new();
    /// <summary>Why it was parked: the failure's type and message, or the parked event it waits behind.</summary>
    [JsonPropertyName("error")] public string Error { get; init; } = "";
    /// <summary>How many times applying it failed; 0 when it only waits behind an earlier parked event.</summary>
    [JsonPropertyName("attempts")] public int Attempts { get; init; }

    /// <summary>When it was last parked.</summary>
    [JsonPropertyName("parkedAt"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset ParkedAt { get; init; }

    /// <summary>The id of the letter for <paramref name="projection"/> at stream version <paramref name="version"/>.</summary>
    public static string IdOf(string projection, long version) => $"{projection}:{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The document of a letter.</summary>
    public static DeadLetterDocument From(DeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return new DeadLetterDocument
        {
            Id = IdOf(letter.Projection, letter.Event.StreamVersion),
            StreamId = letter.Event.StreamId,
            Projection = letter.Projection,
            Generation = letter.Generation,
            Version = letter.Event.StreamVersion,
            Timestamp = letter.Event.Timestamp,
            Event = DocumentMapper.ToEntry(letter.Event),
            Error = letter.Error,
            Attempts = letter.Attempts,
            ParkedAt = letter.ParkedAt,
        };
    }

    /// <summary>The letter this document holds.</summary>
    public DeadLetter ToDeadLetter() =>
        new(Projection, Generation, DocumentMapper.ToRecorded(StreamId, Timestamp, Event), Error, Attempts, ParkedAt);
}
