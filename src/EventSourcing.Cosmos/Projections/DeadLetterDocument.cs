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
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("streamId")] public string StreamId { get; init; } = "";
    [JsonPropertyName("projection")] public string Projection { get; init; } = "";
    [JsonPropertyName("generation")] public int Generation { get; init; } = 1;
    [JsonPropertyName("version")] public long Version { get; init; }

    [JsonPropertyName("timestamp"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset Timestamp { get; init; }

    [JsonPropertyName("event")] public EventEntry Event { get; init; } = new();
    [JsonPropertyName("error")] public string Error { get; init; } = "";
    [JsonPropertyName("attempts")] public int Attempts { get; init; }

    [JsonPropertyName("parkedAt"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset ParkedAt { get; init; }

    public static string IdOf(string projection, long version) => $"{projection}:{version.ToString(CultureInfo.InvariantCulture)}";

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

    public DeadLetter ToDeadLetter() =>
        new(Projection, Generation, DocumentMapper.ToRecorded(StreamId, Timestamp, Event), Error, Attempts, ParkedAt);
}
