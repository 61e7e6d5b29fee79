using EventSourcing.Projections;
using EventSourcing.Store;

namespace EventSourcing.Tests.Projections;

/// <summary>
/// A document's memory of what it applied stays bounded, and dedup stays exact: on a feed with global positions a
/// forgotten stream's old event is a redelivery; without them (Cosmos) it cannot be proven new, so it is not applied.
/// </summary>
public sealed class StreamVersionsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void However_many_streams_feed_a_document_it_remembers_at_most_the_limit()
    {
        var versions = Feed(5 * StreamVersions.Limit, withPositions: true);

        Assert.InRange(StreamVersions.Remembered(versions), StreamVersions.Limit / 2, StreamVersions.Limit);
        Assert.InRange(versions.Count, 1, 2 * StreamVersions.Limit + 1);
    }

    [Fact]
    public void On_a_positioned_feed_a_forgotten_stream_s_old_event_is_a_redelivery_and_its_next_one_is_new()
    {
        var versions = Feed(5 * StreamVersions.Limit, withPositions: true);

        Assert.Equal(Delivery.Applied, StreamVersions.Check(versions, Event("s-0", 1, position: 1)));
        Assert.Equal(Delivery.New, StreamVersions.Check(versions, Event("s-0", 2, position: 10 * StreamVersions.Limit)));
    }

    [Fact]
    public void Without_positions_a_forgotten_stream_s_old_event_cannot_be_proven_new_unless_it_was_parked()
    {
        var versions = Feed(5 * StreamVersions.Limit, withPositions: false);
        var old = Event("s-0", 1, position: null, seconds: 0);

        Assert.Equal(Delivery.Unprovable, StreamVersions.Check(versions, old));
        Assert.Equal(Delivery.New, StreamVersions.Check(versions, old, parked: true));
        Assert.Equal(Delivery.New, StreamVersions.Check(versions, Event("s-0", 2, position: null, seconds: 10 * StreamVersions.Limit)));
    }

    [Fact]
    public void A_remembered_stream_turns_away_everything_up_to_its_version()
    {
        var versions = StreamVersions.Record(null, Event("s-1", 3, position: 7));

        Assert.Equal(Delivery.Applied, StreamVersions.Check(versions, Event("s-1", 2, position: 6)));
        Assert.Equal(Delivery.Applied, StreamVersions.Check(versions, Event("s-1", 3, position: 7)));
        Assert.Equal(Delivery.New, StreamVersions.Check(versions, Event("s-1", 4, position: 9)));
        Assert.Equal(Delivery.New, StreamVersions.Check(versions, Event("s-2", 1, position: 8)));
    }

    [Fact]
    public void A_map_written_before_marks_existed_is_forgotten_safely()
    {
        // Versions only, as documents stored before this change hold them.
        Dictionary<string, long> legacy = new(Enumerable.Range(0, 2 * StreamVersions.Limit).Select(i => KeyValuePair.Create($"old-{i}", 1L)));

        var versions = StreamVersions.Record(legacy, Event("s-new", 1, position: 5_000));

        Assert.InRange(StreamVersions.Remembered(versions), 1, StreamVersions.Limit);
        Assert.Equal(Delivery.Applied, StreamVersions.Check(versions, Event("old-0", 1, position: 4_000)));
        Assert.Equal(Delivery.New, StreamVersions.Check(versions, Event("old-0", 2, position: 5_001)));
    }

    private static Dictionary<string, long> Feed(int streams, bool withPositions)
    {
        Dictionary<string, long>? versions = null;
        for (var i = 0; i < streams; i++)
            versions = StreamVersions.Record(versions, Event($"s-{i}", 1, withPositions ? i + 1 : null, seconds: i));
        return versions!;
    }

    private static RecordedEvent Event(string stream, long version, long? position, int seconds = 0) =>
        new(Guid.NewGuid(), stream, version, position, "Something", 1, At.AddSeconds(seconds), "{}"u8.ToArray(), EventMetadata.Empty);
}
