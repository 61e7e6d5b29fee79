using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Appended_events_read_back_with_their_whole_envelope()
    {
        var stream = TestEvents.Stream();
        var metadata = new EventMetadata("corr-1", "cause-1", new Dictionary<string, string> { ["tenant"] = "acme" });
        var sent = new EventData(Guid.NewGuid(), "OrderCreated", 2, """{"customerId":"c1"}"""u8.ToArray(), metadata);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var result = await Append(stream, ExpectedVersion.NoStream, sent);

        var read = Assert.Single(await ReadAll(stream));
        Assert.Equal(1, result.StreamVersion);
        Assert.Equal(sent.EventId, read.EventId);
        Assert.Equal(stream, read.StreamId);
        Assert.Equal(1, read.StreamVersion);
        Assert.Equal("OrderCreated", read.Type);
        Assert.Equal(2, read.SchemaVersion);
        Assert.Equal("""{"customerId":"c1"}""", read.Text());
        Assert.Equal(metadata, read.Metadata);
        Assert.Equal(TimeSpan.Zero, read.Timestamp.Offset);
        Assert.InRange(read.Timestamp, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(result.Position, read.Position);
    }

    [Fact]
    public async Task Many_events_append_atomically_with_contiguous_versions()
    {
        var stream = TestEvents.Stream();
        await Append(stream, ExpectedVersion.NoStream, TestEvents.Many(3));

        var result = await Append(stream, ExpectedVersion.Exact(3), TestEvents.Many(4));

        Assert.Equal(7, result.StreamVersion);
        var events = await ReadAll(stream);
        Assert.Equal(Enumerable.Range(1, 7).Select(v => (long)v), events.Select(e => e.StreamVersion));
        Assert.Equal(7, await Store.GetStreamVersionAsync(stream, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_missing_stream_has_version_zero_and_cannot_be_read()
    {
        var stream = TestEvents.Stream();

        Assert.Equal(0, await Store.GetStreamVersionAsync(stream, TestContext.Current.CancellationToken));
        var error = await Assert.ThrowsAsync<StreamNotFoundException>(() => ReadAll(stream));
        Assert.Equal(stream, error.StreamId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("order/1")]
    [InlineData("order\\1")]
    [InlineData("order?1")]
    [InlineData("order#1")]
    [InlineData("order\n1")]
    [InlineData(" order-1")]
    public async Task A_bad_stream_id_is_rejected_on_append_and_read(string streamId)
    {
        await Assert.ThrowsAsync<InvalidStreamIdException>(() => Append(streamId, ExpectedVersion.Any, TestEvents.New()));
        await Assert.ThrowsAsync<InvalidStreamIdException>(() => ReadAll(streamId));
    }

    [Fact]
    public async Task A_stream_id_over_the_length_limit_is_rejected_and_nothing_is_written()
    {
        var longest = "s-" + new string('x', StreamId.MaxLength - 2);
        var tooLong = longest + "x";

        var error = await Assert.ThrowsAsync<InvalidStreamIdException>(() => Append(tooLong, ExpectedVersion.Any, TestEvents.New()));
        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await Append(longest, ExpectedVersion.Any, TestEvents.New())).StreamVersion);
    }

    [Fact]
    public async Task An_append_over_the_event_count_limit_is_rejected_and_nothing_is_written()
    {
        var stream = TestEvents.Stream();
        await Append(stream, ExpectedVersion.NoStream, TestEvents.New());

        var error = await Assert.ThrowsAsync<AppendTooLargeException>(
            () => Append(stream, ExpectedVersion.Exact(1), TestEvents.Many(AppendLimits.Default.MaxEventsPerAppend + 1)));

        Assert.Equal(AppendLimits.Default.MaxEventsPerAppend + 1, error.EventCount);
        await AssertUnchanged(stream, 1);
    }

    [Fact]
    public async Task An_append_over_the_byte_limit_is_rejected_and_nothing_is_written()
    {
        var stream = TestEvents.Stream();
        var big = TestEvents.New(json: $$"""{"blob":"{{new string('x', (int)AppendLimits.Default.MaxBytesPerAppend)}}"}""");

        var error = await Assert.ThrowsAsync<AppendTooLargeException>(() => Append(stream, ExpectedVersion.Any, big));

        Assert.True(error.Bytes > AppendLimits.Default.MaxBytesPerAppend);
        await AssertUnchanged(stream, 0);
    }

    [Fact]
    public async Task An_empty_append_or_a_repeated_id_within_one_append_is_rejected()
    {
        var stream = TestEvents.Stream();
        var once = TestEvents.New();

        await Assert.ThrowsAsync<ArgumentException>(() => Append(stream, ExpectedVersion.Any));
        await Assert.ThrowsAsync<ArgumentException>(() => Append(stream, ExpectedVersion.Any, once, once));
        await AssertUnchanged(stream, 0);
    }
}
