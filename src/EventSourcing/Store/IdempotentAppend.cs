namespace EventSourcing.Store;

/// <summary>
/// Decides whether an append whose ids are (partly) stored already is a retry of a committed
/// append, shared by every adapter so they agree on what a retry is.
/// </summary>
public static class IdempotentAppend
{
    /// <summary>
    /// Returns the original result when every event is stored in this stream, in order, at the versions
    /// right after <paramref name="expected"/>; returns null when none of the ids is stored; otherwise throws
    /// <see cref="DuplicateEventIdException"/> for the first id stored elsewhere.
    /// </summary>
    /// <param name="found">For each event of the append, in order, where it is stored, or null.</param>
    public static AppendResult? Resolve(
        string streamId,
        ExpectedVersion expected,
        IReadOnlyList<EventData> events,
        IReadOnlyList<StoredEventLocation?> found)
    {
        if (found.All(f => f is null)) return null;

        var first = found[0];
        var isRetry = first is not null
            && first.StreamId == streamId
            && (!expected.IsExact || expected.Value == first.StreamVersion - 1);
        for (var i = 0; isRetry && i < found.Count; i++)
            isRetry = found[i] is { } f && f.StreamId == streamId && f.StreamVersion == first!.StreamVersion + i;

        if (isRetry)
        {
            var last = found[^1]!;
            return new AppendResult(last.StreamVersion, last.Position);
        }

        var clash = found.First(f => f is not null)!;
        var index = found.ToList().IndexOf(clash);
        throw new DuplicateEventIdException(events[index].EventId, streamId, clash.StreamId, clash.StreamVersion);
    }
}
