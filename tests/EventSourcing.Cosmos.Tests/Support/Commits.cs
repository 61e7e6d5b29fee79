using EventSourcing.Cosmos.Documents;
using EventSourcing.Serialization;
using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Cosmos.Tests.Support;

/// <summary>Commit documents as the change feed delivers them, built from typed account events.</summary>
public static class Commits
{
    public static EventSerializer Serializer { get; } = new(Account.Types());

    public static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The commit of <paramref name="events"/> appended to <paramref name="stream"/> after version <paramref name="after"/>.</summary>
    public static CommitDocument Of(string stream, long after, params Account.Event[] events) =>
        DocumentMapper.ToCommit(stream, after + 1, At.AddSeconds(after), [.. events.Select(e => Serializer.Serialize(e, Guid.NewGuid(), EventMetadata.Empty))]);

    /// <summary>A commit holding raw events (foreign or malformed types).</summary>
    public static CommitDocument Raw(string stream, long after, params EventData[] events) =>
        DocumentMapper.ToCommit(stream, after + 1, At.AddSeconds(after), events);

    public static CommitDocument TipOf(string stream, long version) => new()
    {
        Id = DocumentKinds.TipId, StreamId = stream, Kind = DocumentKinds.Tip, Timestamp = At,
    };
}
