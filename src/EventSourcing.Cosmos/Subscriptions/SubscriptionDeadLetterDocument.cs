using System.Globalization;
using System.Text.Json.Serialization;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Subscriptions;

namespace EventSourcing.Cosmos.Subscriptions;

/// <summary>
/// A subscription's parked event in the dead-letters container, beside the projections' ones: every letter of one
/// subscription shares the logical partition <c>$subscription:{name}</c> (the container's key is <c>/streamId</c>; no
/// projection letter lives there), so reading or checking a subscription's letters stays in one partition. The id is
/// the event id; the whole envelope is kept, enough to hand the event over again without the change feed.
/// </summary>
public sealed record SubscriptionDeadLetterDocument
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("streamId")] public string Partition { get; init; } = "";
    [JsonPropertyName("subscription")] public string Subscription { get; init; } = "";
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    [JsonPropertyName("eventStreamId")] public string EventStreamId { get; init; } = "";

    [JsonPropertyName("timestamp"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset Timestamp { get; init; }

    [JsonPropertyName("position")] public long? Position { get; init; }
    [JsonPropertyName("event")] public EventEntry Event { get; init; } = new();
    [JsonPropertyName("error")] public string Error { get; init; } = "";
    [JsonPropertyName("attempts")] public int Attempts { get; init; }

    [JsonPropertyName("parkedAt"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset ParkedAt { get; init; }

    public static string PartitionOf(string subscription) => $"$subscription:{subscription}";

    public static string IdOf(Guid eventId) => eventId.ToString("D", CultureInfo.InvariantCulture);

    public static SubscriptionDeadLetterDocument From(SubscriptionDeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return new SubscriptionDeadLetterDocument
        {
            Id = IdOf(letter.Event.EventId),
            Partition = PartitionOf(letter.Subscription),
            Subscription = letter.Subscription,
            Key = letter.Key,
            EventStreamId = letter.Event.StreamId,
            Timestamp = letter.Event.Timestamp,
            Position = letter.Event.Position,
            Event = DocumentMapper.ToEntry(letter.Event),
            Error = letter.Error,
            Attempts = letter.Attempts,
            ParkedAt = letter.ParkedAt,
        };
    }

    public SubscriptionDeadLetter ToDeadLetter() =>
        new(Subscription, Key, DocumentMapper.ToRecorded(EventStreamId, Timestamp, Event) with { Position = Position }, Error, Attempts, ParkedAt);
}
