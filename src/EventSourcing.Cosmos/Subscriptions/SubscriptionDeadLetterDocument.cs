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
    /// <summary><see cref="IdOf"/> of the event id: one letter per subscription and event.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    /// <summary>The subscription's logical partition (<see cref="PartitionOf"/>), stored as <c>streamId</c>.</summary>
    [JsonPropertyName("streamId")] public string Partition { get; init; } = "";
    /// <summary>The subscription that could not handle the event.</summary>
    [JsonPropertyName("subscription")] public string Subscription { get; init; } = "";
    /// <summary>The ordering key the event was delivered under; later events of the key wait behind it.</summary>
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    /// <summary>The event's own stream.</summary>
    [JsonPropertyName("eventStreamId")] public string EventStreamId { get; init; } = "";

    /// <summary>When the event's append committed.</summary>
    [JsonPropertyName("timestamp"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The event's global position, where the store has one (never on Cosmos).</summary>
    [JsonPropertyName("position")] public long? Position { get; init; }
    /// <summary>The whole event, enough to hand it over again.</summary>
    [JsonPropertyName("event")] public EventEntry Event { get; init; } = new();
    /// <summary>Why it was parked: the failure's type and message.</summary>
    [JsonPropertyName("error")] public string Error { get; init; } = "";
    /// <summary>How many times handling it failed.</summary>
    [JsonPropertyName("attempts")] public int Attempts { get; init; }

    /// <summary>When it was last parked.</summary>
    [JsonPropertyName("parkedAt"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset ParkedAt { get; init; }

    /// <summary>The logical partition of every letter of <paramref name="subscription"/>.</summary>
    public static string PartitionOf(string subscription) => $"$subscription:{subscription}";

    /// <summary>The id of the letter for the event <paramref name="eventId"/>.</summary>
    public static string IdOf(Guid eventId) => eventId.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>The document of a letter.</summary>
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

    /// <summary>The letter this document holds.</summary>
    public SubscriptionDeadLetter ToDeadLetter() =>
        new(Subscription, Key, DocumentMapper.ToRecorded(EventStreamId, Timestamp, Event) with { Position = Position }, Error, Attempts, ParkedAt);
}
