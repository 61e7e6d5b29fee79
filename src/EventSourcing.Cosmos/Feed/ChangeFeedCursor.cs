using System.Text.Json.Serialization;

namespace EventSourcing.Cosmos.Feed;

/// <summary>
/// Where a reader of the events container's change feed stands: the SDK's continuation for the whole container (every
/// feed range in one token), or where to start when there is none yet, and the events already returned from pages it
/// has not passed. A page can hold more events than a request may return, so a cursor can point inside one.
/// </summary>
/// <param name="Continuation">The change feed's continuation before the next page to read; null: not started.</param>
/// <param name="StartTicks">Without a continuation: start at this instant (UTC ticks); null: from the beginning.</param>
/// <param name="Delivered">Pages begun but not passed: how many of their commit events were returned already.</param>
internal sealed record ChangeFeedCursor(
    [property: JsonPropertyName("c")] string? Continuation,
    [property: JsonPropertyName("t")] long? StartTicks,
    [property: JsonPropertyName("d")] IReadOnlyList<DeliveredPrefix>? Delivered)
{
    /// <summary>At most this many begun pages are remembered; beyond, the oldest is forgotten (its events may come again).</summary>
    public const int MaxDelivered = 8;
}
