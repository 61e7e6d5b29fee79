using EventSourcing.Cosmos.Store;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Store;
using EventSourcing.Tests.Support;
using static EventSourcing.Cosmos.Tests.Support.FakeEventsContainer;

namespace EventSourcing.Cosmos.Tests.Store;

/// <summary>
/// The requests one append sends, counted on the container (docs/cosmos-costs.md quotes these): ids are looked up only
/// where the answer can change the outcome, inside the stream's partition unless the store-wide check is opted in.
/// </summary>
public sealed class AppendRequestsTests
{
    private const string Stream = "order-1";
    private readonly FakeEventsContainer _container = new();

    // The defaults, unless a test opts in to the store-wide check.
    private CosmosEventStore Store(EventIdScope? scope = null) =>
        new(_container, scope is { } opted ? new CosmosEventStoreOptions { EventIds = opted } : null);

    [Fact]
    public async Task An_exact_append_to_an_existing_stream_reads_the_tip_and_sends_the_batch_without_a_query()
    {
        await Given(2);

        await Store().AppendAsync(Stream, ExpectedVersion.Exact(2), TestEvents.Many(1), Ct);

        Assert.Equal([Read, Batch], _container.Requests);
    }

    [Fact]
    public async Task A_first_append_to_a_new_stream_reads_the_missing_tip_and_sends_the_batch()
    {
        await Store().AppendAsync(Stream, ExpectedVersion.NoStream, TestEvents.Many(3), Ct);

        Assert.Equal([Read, Batch], _container.Requests);
    }

    [Theory]
    [InlineData(-1)] // Any
    [InlineData(-2)] // StreamExists
    public async Task An_append_without_an_exact_version_looks_its_ids_up_inside_the_stream_s_partition_before_writing(long expected)
    {
        await Given(2);

        await Store().AppendAsync(Stream, expected == -1 ? ExpectedVersion.Any : ExpectedVersion.StreamExists, TestEvents.Many(1), Ct);

        Assert.Equal([Read, QueryInStream, Batch], _container.Requests);
    }

    [Fact]
    public async Task With_the_store_wide_check_opted_in_every_append_asks_every_partition_first()
    {
        await Given(2);

        await Store(EventIdScope.Store).AppendAsync(Stream, ExpectedVersion.Exact(2), TestEvents.Many(1), Ct);

        Assert.Equal([Read, new Request("query", null), Batch], _container.Requests);
    }

    [Fact]
    public async Task A_resent_exact_append_that_had_committed_is_recognised_from_one_query_and_writes_nothing()
    {
        await Given(1);
        var events = TestEvents.Many(2);
        var original = await Store().AppendAsync(Stream, ExpectedVersion.Exact(1), events, Ct);
        await Store().AppendAsync(Stream, ExpectedVersion.Exact(3), TestEvents.Many(1), Ct);
        _container.ClearRequests();

        var retry = await Store().AppendAsync(Stream, ExpectedVersion.Exact(1), events, Ct);

        Assert.Equal(original, retry);
        Assert.Equal([Read, QueryInStream], _container.Requests);
        Assert.Equal(4, _container.StoredEvents(Stream).Count);
    }

    [Fact]
    public async Task An_exact_append_that_repeats_a_stored_first_event_at_the_current_version_meets_its_commit_and_is_refused()
    {
        // A command decided again after its first append committed (its idempotency key gives the same ids), now at the
        // stream's new version: the batch clashes with the stored commit, the lookup that follows names the stream.
        var events = TestEvents.Many(2);
        await Store().AppendAsync(Stream, ExpectedVersion.NoStream, events, Ct);
        _container.ClearRequests();

        var error = await Assert.ThrowsAsync<DuplicateEventIdException>(() => Store().AppendAsync(Stream, ExpectedVersion.Exact(2), events, Ct));

        Assert.Equal((Stream, 1L), (error.ExistingStreamId, error.ExistingVersion));
        Assert.Equal([Read, Batch, Read, QueryInStream], _container.Requests);
        Assert.Equal(events.Select((e, i) => (e.EventId, i + 1L)), _container.StoredEvents(Stream));
    }

    [Fact]
    public async Task A_stale_exact_append_is_a_conflict_after_one_query_that_finds_none_of_its_ids()
    {
        await Given(3);

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Store().AppendAsync(Stream, ExpectedVersion.Exact(1), TestEvents.Many(1), Ct));

        Assert.Equal(3, error.Actual);
        Assert.Equal([Read, QueryInStream], _container.Requests);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Request Read => new("read", Stream);

    private static Request Batch => new("batch", Stream);

    private static Request QueryInStream => new("query", Stream);

    private async Task Given(int events)
    {
        await Store().AppendAsync(Stream, ExpectedVersion.NoStream, TestEvents.Many(events), Ct);
        _container.ClearRequests();
    }
}
