namespace EventSourcing.Projections;

/// <summary>What a document's stream versions say about an event delivered to it.</summary>
public enum Delivery
{
    /// <summary>Not applied yet: apply it.</summary>
    New,

    /// <summary>Applied before (the feed is at-least-once): skip it.</summary>
    Applied,

    /// <summary>
    /// Its stream is no longer remembered and the event is not newer than what was forgotten, on a feed without a global
    /// order (Cosmos): almost surely a redelivery (a restarted or reset processor reading old events again), but it cannot
    /// be proven. It is not applied, so it never counts twice, and the runtime logs a warning naming it.
    /// </summary>
    Unprovable,
}
