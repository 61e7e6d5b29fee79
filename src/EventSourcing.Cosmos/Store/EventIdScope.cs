using EventSourcing.Store;

namespace EventSourcing.Cosmos.Store;

/// <summary>Where the store looks for an append's event ids, and so where it finds them already stored.</summary>
public enum EventIdScope
{
    /// <summary>
    /// Inside the stream's partition, and only where the answer can change the outcome (the default): before writing an
    /// <see cref="ExpectedVersion.Any"/> or <see cref="ExpectedVersion.StreamExists"/> append (a resent one would
    /// otherwise be written twice), and for an exact expectation only when the stream is not at the expected version or
    /// the batch conflicted. Every retry is still recognised: a resent batch meets the tip's ETag (412) or its own commit
    /// (409, the commit's id is its first event's id), and a command decided again with the ids derived from its
    /// idempotency key meets its first event's commit. Not detected: an id reused in another stream, and an exact append
    /// at the stream's current version that reuses stored ids while its first event did not start a stored append.
    /// </summary>
    Stream,

    /// <summary>
    /// Across the whole store, as the store contract states (opt-in): every append first asks every partition of the
    /// container for its ids (a cross-partition query; about 2.5 RU per physical partition), so any reuse is refused.
    /// </summary>
    Store,
}
