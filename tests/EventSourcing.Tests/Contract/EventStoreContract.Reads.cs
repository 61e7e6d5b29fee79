using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Tests.Contract;

public abstract partial class EventStoreContract
{
    private async Task<string> StreamOf(int count)
    {
        var stream = TestEvents.Stream();
        await Append(stream, ExpectedVersion.NoStream, TestEvents.Many(count));
        return stream;
    }

    private async Task<long[]> Versions(string stream, StreamReadOptions options) =>
        [.. (await Store.ReadStreamAsync(stream, options, TestContext.Current.CancellationToken)).Select(e => e.StreamVersion)];

    [Fact]
    public async Task Reads_forward_from_a_version_with_a_max_count()
    {
        var stream = await StreamOf(10);

        Assert.Equal(new long[] { 4, 5, 6 }, await Versions(stream, new(FromVersion: 4, MaxCount: 3)));
        Assert.Equal(new long[] { 9, 10 }, await Versions(stream, new(FromVersion: 9, MaxCount: 5)));
        Assert.Empty(await Versions(stream, new(FromVersion: 11)));
        Assert.Empty(await Versions(stream, new(MaxCount: 0)));
    }

    [Fact]
    public async Task Reads_backward_from_the_end_or_from_a_version()
    {
        var stream = await StreamOf(10);

        Assert.Equal(new long[] { 10, 9, 8 }, await Versions(stream, new(ReadDirection.Backward, MaxCount: 3)));
        Assert.Equal(new long[] { 5, 4 }, await Versions(stream, new(ReadDirection.Backward, FromVersion: 5, MaxCount: 2)));
        Assert.Equal(new long[] { 2, 1 }, await Versions(stream, new(ReadDirection.Backward, FromVersion: 2)));
    }

    [Fact]
    public async Task Reads_the_stream_as_it_was_at_a_version()
    {
        var stream = await StreamOf(10);

        Assert.Equal(new long[] { 1, 2, 3, 4 }, await Versions(stream, new(UntilVersion: 4)));
        Assert.Equal(new long[] { 4, 3 }, await Versions(stream, new(ReadDirection.Backward, MaxCount: 2, UntilVersion: 4)));
    }

    [Fact]
    public async Task Reads_the_stream_as_it_was_at_a_point_in_time()
    {
        var stream = TestEvents.Stream();
        await Append(stream, ExpectedVersion.NoStream, TestEvents.Many(2));
        var between = (await ReadAll(stream))[^1].Timestamp;
        await Task.Delay(20, TestContext.Current.CancellationToken);
        await Append(stream, ExpectedVersion.Exact(2), TestEvents.New());

        Assert.Equal(new long[] { 1, 2 }, await Versions(stream, new(Until: between)));
        Assert.Empty(await Versions(stream, new(Until: between.AddDays(-1))));
        Assert.Equal(new long[] { 1, 2, 3 }, await Versions(stream, new(Until: DateTimeOffset.UtcNow.AddSeconds(1))));
    }

    [Fact]
    public async Task Negative_read_arguments_are_rejected()
    {
        var stream = await StreamOf(1);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Versions(stream, new(MaxCount: -1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Versions(stream, new(FromVersion: -1)));
    }
}
