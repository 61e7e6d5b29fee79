using System.Text.Json.Serialization;
using EventSourcing.Store;

namespace EventSourcing.Http.Reads;

/// <summary>One page of a correlation trace: the events carrying the id, in commit order, each as in the feed (the audit trail's envelope plus its stream).</summary>
/// <param name="Next">Pass back as <c>after</c> for the rest; null when this page ends with the last event stored now.</param>
public sealed record CorrelatedEvents(
    string CorrelationId,
    IReadOnlyList<FeedEvent> Events,
    // Written even when null: "next": null is how a client knows it has read the whole trace.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Next);
