using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task NoStream_on_an_existing_stream_is_a_conflict_that_names_both_versions()
    {
        var stream = TestEvents.Stream();
        await Append(stream, ExpectedVersion.NoStream, TestEvents.Many(2));

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Append(stream, ExpectedVersion.NoStream, TestEvents.New()));

        Assert.Equal(ExpectedVersion.NoStream, error.Expected);
        Assert.Equal(2, error.Actual);
        Assert.Contains("NoStream", error.Message, StringComparison.Ordinal);
        await AssertUnchanged(stream, 2);
    }

    [Fact]
    public async Task StreamExists_on_a_missing_stream_is_a_conflict()
    {
        var stream = TestEvents.Stream();

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Append(stream, ExpectedVersion.StreamExists, TestEvents.New()));

        Assert.Equal(0, error.Actual);
        await AssertUnchanged(stream, 0);
    }

    [Fact]
    public async Task StreamExists_on_an_existing_stream_appends()
    {
        var stream = TestEvents.Stream();
        await Append(stream, ExpectedVersion.NoStream, TestEvents.New());

        Assert.Equal(2, (await Append(stream, ExpectedVersion.StreamExists, TestEvents.New())).StreamVersion);
    }

    [Fact]
    public async Task A_stale_exact_version_is_a_conflict_and_writes_no_event_of_the_append()
    {
        var stream = TestEvents.Stream();
        await Append(stream, ExpectedVersion.NoStream, TestEvents.Many(3));

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Append(stream, ExpectedVersion.Exact(2), TestEvents.Many(5)));

        Assert.Equal(ExpectedVersion.Exact(2), error.Expected);
        Assert.Equal(3, error.Actual);
        Assert.Equal(stream, error.StreamId);
        await AssertUnchanged(stream, 3);
    }

    [Fact]
    public async Task An_exact_version_ahead_of_the_stream_is_a_conflict()
    {
        var stream = TestEvents.Stream();
        await Append(stream, ExpectedVersion.NoStream, TestEvents.New());

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Append(stream, ExpectedVersion.Exact(5), TestEvents.New()));
        await AssertUnchanged(stream, 1);
    }

    [Fact]
    public async Task Any_appends_to_a_new_or_an_existing_stream()
    {
        var stream = TestEvents.Stream();

        Assert.Equal(1, (await Append(stream, ExpectedVersion.Any, TestEvents.New())).StreamVersion);
        Assert.Equal(3, (await Append(stream, ExpectedVersion.Any, TestEvents.Many(2))).StreamVersion);
    }

    [Fact]
    public async Task Exact_zero_means_no_stream()
    {
        var stream = TestEvents.Stream();

        Assert.Equal(1, (await Append(stream, ExpectedVersion.Exact(0), TestEvents.New())).StreamVersion);
        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Append(stream, ExpectedVersion.Exact(0), TestEvents.New()));
    }
}
