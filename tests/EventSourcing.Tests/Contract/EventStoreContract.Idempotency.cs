using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Retrying_a_committed_append_returns_the_original_result_and_writes_nothing()
    {
        var stream = TestEvents.Stream();
        var events = TestEvents.Many(3);
        var original = await Append(stream, ExpectedVersion.NoStream, events);

        var retry = await Append(stream, ExpectedVersion.NoStream, events);

        Assert.Equal(original, retry);
        await AssertUnchanged(stream, 3);
    }

    [Fact]
    public async Task A_retry_after_later_appends_still_returns_the_original_result()
    {
        var stream = TestEvents.Stream();
        await Append(stream, ExpectedVersion.NoStream, TestEvents.New());
        var events = TestEvents.Many(2);
        var original = await Append(stream, ExpectedVersion.Exact(1), events);
        await Append(stream, ExpectedVersion.Exact(3), TestEvents.New());

        Assert.Equal(original, await Append(stream, ExpectedVersion.Exact(1), events));
        Assert.Equal(original, await Append(stream, ExpectedVersion.Any, events));
        await AssertUnchanged(stream, 4);
    }

    [Fact]
    public async Task An_event_id_stored_in_another_stream_is_rejected_and_nothing_is_written()
    {
        SkipUnlessEveryReusedIdIsRefused();
        var first = TestEvents.Stream();
        var second = TestEvents.Stream();
        var shared = TestEvents.New();
        await Append(first, ExpectedVersion.NoStream, shared);

        var error = await Assert.ThrowsAsync<DuplicateEventIdException>(
            () => Append(second, ExpectedVersion.NoStream, TestEvents.New(), shared));

        Assert.Equal(shared.EventId, error.EventId);
        Assert.Equal(first, error.ExistingStreamId);
        Assert.Equal(1, error.ExistingVersion);
        await AssertUnchanged(first, 1);
        await AssertUnchanged(second, 0);
    }

    [Fact]
    public async Task An_append_that_repeats_only_some_stored_ids_is_rejected_and_nothing_is_written()
    {
        var stream = TestEvents.Stream();
        var stored = TestEvents.Many(2);
        await Append(stream, ExpectedVersion.NoStream, stored);

        await Assert.ThrowsAsync<DuplicateEventIdException>(
            () => Append(stream, ExpectedVersion.Any, stored[0], TestEvents.New()));
        await Assert.ThrowsAsync<DuplicateEventIdException>(
            () => Append(stream, ExpectedVersion.Exact(2), stored[0], TestEvents.New()));
        await AssertUnchanged(stream, 2);
    }

    [Fact]
    public async Task An_append_at_the_current_version_that_repeats_stored_ids_not_starting_a_stored_append_is_rejected()
    {
        SkipUnlessEveryReusedIdIsRefused();
        var stream = TestEvents.Stream();
        var stored = TestEvents.Many(2);
        await Append(stream, ExpectedVersion.NoStream, stored);

        await Assert.ThrowsAsync<DuplicateEventIdException>(
            () => Append(stream, ExpectedVersion.Exact(2), stored[1], TestEvents.New()));
        await Assert.ThrowsAsync<DuplicateEventIdException>(
            () => Append(stream, ExpectedVersion.Exact(2), TestEvents.New(), stored[0]));
        await AssertUnchanged(stream, 2);
    }

    [Fact]
    public async Task Stored_ids_at_other_positions_of_the_same_stream_are_rejected()
    {
        var stream = TestEvents.Stream();
        var stored = TestEvents.Many(2);
        await Append(stream, ExpectedVersion.NoStream, stored);

        await Assert.ThrowsAsync<DuplicateEventIdException>(() => Append(stream, ExpectedVersion.Exact(2), stored));
        await Assert.ThrowsAsync<DuplicateEventIdException>(() => Append(stream, ExpectedVersion.Any, stored[1], stored[0]));
        await AssertUnchanged(stream, 2);
    }
}
