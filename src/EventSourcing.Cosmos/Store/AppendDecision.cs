using EventSourcing.Store;

namespace EventSourcing.Cosmos.Store;

/// <summary>What an append does once the stream's tip and the whereabouts of its event ids are known.</summary>
internal abstract record AppendDecision
{
    private AppendDecision() { }

    /// <summary>Write the commit after <paramref name="CurrentVersion"/>.</summary>
    public sealed record Write(long CurrentVersion) : AppendDecision;

    /// <summary>The same append already committed (a retry after an ambiguous failure): answer its original result.</summary>
    public sealed record AlreadyCommitted(AppendResult Result) : AppendDecision;

    /// <summary>The stream is not where the caller expected.</summary>
    public sealed record Conflict(long ActualVersion) : AppendDecision;

    /// <summary>
    /// Decides like every other store: ids already stored make the append either a retry of a committed one
    /// (stored in this stream, in order, right after the expected version) or an error; otherwise the expected
    /// version decides.
    /// </summary>
    /// <param name="found">For each event, where its id is stored, or null.</param>
    /// <exception cref="DuplicateEventIdException">Some id is stored, but not as this append.</exception>
    public static AppendDecision Decide(
        string streamId, ExpectedVersion expected, IReadOnlyList<EventData> events, long currentVersion, IReadOnlyList<StoredEventLocation?> found)
    {
        if (IdempotentAppend.Resolve(streamId, expected, events, found) is { } original) return new AlreadyCommitted(original);
        return expected.IsSatisfiedBy(currentVersion) ? new Write(currentVersion) : new Conflict(currentVersion);
    }
}
