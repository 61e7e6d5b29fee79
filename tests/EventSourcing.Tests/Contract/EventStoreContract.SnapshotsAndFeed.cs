using EventSourcing.Snapshots;
using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Tests.Contract;

public abstract partial class EventStoreContract
{
    private static Snapshot SnapshotAt(string stream, long version, int schema = 1) =>
        new(stream, version, "Account", schema, System.Text.Encoding.UTF8.GetBytes($$"""{"v":{{version}}}"""), DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_saved_snapshot_loads_back_and_a_missing_one_is_null()
    {
        var stream = TestEvents.Stream();
        var cancellation = TestContext.Current.CancellationToken;
        Assert.Null(await Snapshots.LoadAsync(stream, cancellation));

        await Snapshots.SaveAsync(SnapshotAt(stream, 10), cancellation);

        var loaded = await Snapshots.LoadAsync(stream, cancellation);
        Assert.NotNull(loaded);
        Assert.Equal((10L, "Account", 1, """{"v":10}"""), (loaded.Version, loaded.StateType, loaded.SchemaVersion, System.Text.Encoding.UTF8.GetString(loaded.Data.Span)));
    }

    [Fact]
    public async Task A_snapshot_never_moves_backwards()
    {
        var stream = TestEvents.Stream();
        var cancellation = TestContext.Current.CancellationToken;
        await Snapshots.SaveAsync(SnapshotAt(stream, 20), cancellation);

        await Snapshots.SaveAsync(SnapshotAt(stream, 10), cancellation);
        Assert.Equal(20, (await Snapshots.LoadAsync(stream, cancellation))!.Version);

        await Snapshots.SaveAsync(SnapshotAt(stream, 30), cancellation);
        Assert.Equal(30, (await Snapshots.LoadAsync(stream, cancellation))!.Version);
    }

    [Fact]
    public async Task The_feed_returns_every_event_in_position_order_from_a_position()
    {
        SkipUnlessFeed();
        var cancellation = TestContext.Current.CancellationToken;
        var start = await Feed.GetHeadPositionAsync(cancellation) + 1;
        var a = TestEvents.Stream();
        var b = TestEvents.Stream();
        await Append(a, ExpectedVersion.NoStream, TestEvents.Many(2));
        var last = await Append(b, ExpectedVersion.NoStream, TestEvents.New());
        await Append(a, ExpectedVersion.Exact(2), TestEvents.New());

        var all = await Feed.ReadAllAsync(start, 100, cancellation);

        Assert.Equal([(a, 1L), (a, 2L), (b, 1L), (a, 3L)], all.Select(e => (e.StreamId, e.StreamVersion)));
        Assert.Equal(all.Select(e => e.Position).Order(), all.Select(e => e.Position));
        Assert.Equal(all[^1].Position, await Feed.GetHeadPositionAsync(cancellation));
        Assert.Equal(last.Position, all[2].Position);
        Assert.Equal(all.Skip(2).Select(e => e.EventId), (await Feed.ReadAllAsync(all[2].Position!.Value, 100, cancellation)).Select(e => e.EventId));
        Assert.Single(await Feed.ReadAllAsync(start, 1, cancellation));
    }
}
