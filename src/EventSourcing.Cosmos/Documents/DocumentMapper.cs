using System.Text;
using EventSourcing.Snapshots;
using EventSourcing.Store;

namespace EventSourcing.Cosmos.Documents;

/// <summary>Turns envelopes into documents and back. Pure: no I/O, so the JSON shape is pinned by tests here.</summary>
public static class DocumentMapper
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The commit document of an append whose first event gets version <paramref name="firstVersion"/>.</summary>
    /// <exception cref="ArgumentException">An event's data is not UTF-8.</exception>
    public static CommitDocument ToCommit(string streamId, long firstVersion, DateTimeOffset timestamp, IReadOnlyList<EventData> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfZero(events.Count, nameof(events));
        return new CommitDocument
        {
            Id = DocumentKinds.CommitId(events[0].EventId),
            StreamId = streamId,
            Kind = DocumentKinds.Commit,
            First = firstVersion,
            Last = firstVersion + events.Count - 1,
            Timestamp = timestamp.ToUniversalTime(),
            Events = [.. events.Select((e, i) => ToEntry(e, firstVersion + i))],
        };
    }

    /// <summary>The tip of a stream at <paramref name="version"/>, last committed at <paramref name="timestamp"/> (stored as UTC).</summary>
    public static TipDocument ToTip(string streamId, long version, DateTimeOffset timestamp) =>
        new() { StreamId = streamId, Version = version, Timestamp = timestamp.ToUniversalTime() };

    /// <summary>The events of a commit as every reader sees them; Cosmos has no global position, so it is null.</summary>
    public static IEnumerable<RecordedEvent> ToRecorded(CommitDocument commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return commit.Events.Select(e => ToRecorded(commit.StreamId, commit.Timestamp, e));
    }

    /// <summary>One entry of a commit of <paramref name="streamId"/> as readers see it, stamped with the commit's <paramref name="timestamp"/>; no global position.</summary>
    public static RecordedEvent ToRecorded(string streamId, DateTimeOffset timestamp, EventEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var metadata = e.CorrelationId is null && e.CausationId is null && e.Headers is null
            ? EventMetadata.Empty
            : new EventMetadata(e.CorrelationId, e.CausationId, e.Headers);
        return new RecordedEvent(e.Id, streamId, e.Version, null, e.Type, e.SchemaVersion, timestamp, Encoding.UTF8.GetBytes(e.Data), metadata);
    }

    /// <summary>The entry of a stored event (for dead letters, which keep the whole envelope).</summary>
    public static EventEntry ToEntry(RecordedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Entry(e.EventId, e.StreamVersion, e.Type, e.SchemaVersion, Encoding.UTF8.GetString(e.Data.Span), e.Metadata);
    }

    /// <summary>The document of a snapshot.</summary>
    /// <exception cref="ArgumentException">The snapshot's data is not UTF-8.</exception>
    public static SnapshotDocument ToDocument(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new SnapshotDocument
        {
            StreamId = snapshot.StreamId,
            Version = snapshot.Version,
            StateType = snapshot.StateType,
            SchemaVersion = snapshot.SchemaVersion,
            Data = Text(snapshot.Data, "The snapshot's data"),
            Timestamp = snapshot.Timestamp.ToUniversalTime(),
        };
    }

    /// <summary>The snapshot a stored document holds.</summary>
    public static Snapshot ToSnapshot(SnapshotDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new Snapshot(document.StreamId, document.Version, document.StateType, document.SchemaVersion,
            Encoding.UTF8.GetBytes(document.Data), document.Timestamp);
    }

    private static EventEntry ToEntry(EventData e, long version) =>
        Entry(e.EventId, version, e.Type, e.SchemaVersion, Text(e.Data, $"The data of event {e.EventId}"), e.Metadata);

    private static EventEntry Entry(Guid id, long version, string type, int schemaVersion, string data, EventMetadata metadata) => new()
    {
        Id = id,
        Version = version,
        Type = type,
        SchemaVersion = schemaVersion,
        Data = data,
        CorrelationId = metadata.CorrelationId,
        CausationId = metadata.CausationId,
        // No headers and empty headers are the same metadata; leaving the property out keeps documents small.
        Headers = metadata.Headers is { Count: > 0 } headers ? headers : null,
    };

    private static string Text(ReadOnlyMemory<byte> utf8, string what)
    {
        try
        {
            return StrictUtf8.GetString(utf8.Span);
        }
        catch (DecoderFallbackException e)
        {
            throw new ArgumentException($"{what} is not UTF-8; events and snapshots hold UTF-8 JSON.", nameof(utf8), e);
        }
    }
}
