namespace EventSourcing.Store;

/// <summary>Checks every adapter runs before touching storage, so bad input changes nothing anywhere.</summary>
public static class AppendGuard
{
    /// <summary>Validates the stream id, the events and the size limits; throws a typed error on the first problem.</summary>
    public static void Validate(string streamId, IReadOnlyList<EventData> events, AppendLimits limits)
    {
        StreamId.Validate(streamId);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
            throw new ArgumentException("An append needs at least one event.", nameof(events));

        long bytes = 0;
        var ids = new HashSet<Guid>();
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(events));
            if (e.EventId == Guid.Empty)
                throw new ArgumentException("An event id must not be empty.", nameof(events));
            if (!ids.Add(e.EventId))
                throw new ArgumentException($"Event id {e.EventId} appears twice in one append.", nameof(events));
            if (string.IsNullOrWhiteSpace(e.Type))
                throw new ArgumentException($"Event {e.EventId} has no type name.", nameof(events));
            if (e.SchemaVersion < 1)
                throw new ArgumentException($"Event {e.EventId} has schema version {e.SchemaVersion}; versions start at 1.", nameof(events));
            ArgumentNullException.ThrowIfNull(e.Metadata, nameof(events));
            bytes += e.ApproximateSize;
        }

        if (events.Count > limits.MaxEventsPerAppend || bytes > limits.MaxBytesPerAppend)
            throw new AppendTooLargeException(streamId, events.Count, bytes, limits);
    }
}
