using System.Net;
using EventSourcing.Cosmos.Resilience;
using EventSourcing.Cosmos.Store;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Store;
using EventSourcing.Tests.Support;
using static EventSourcing.Cosmos.Tests.Support.FakeEventsContainer;

namespace EventSourcing.Cosmos.Tests.Store;

/// <summary>
/// What an append says when its batch was sent and no clear answer came back: that the outcome is unknown (the events
/// may be stored), never that nothing was written; and that a retry of the same append settles it.
/// </summary>
public sealed class AppendOutcomeTests
{
    private const string Stream = "order-1";
    private readonly FakeEventsContainer _container = new();

    private CosmosEventStore Store(int retries = 0) => new(_container, new CosmosEventStoreOptions
    {
        Retry = new CosmosRetryOptions { MaxRetries = retries, BaseDelay = TimeSpan.Zero },
    });

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task A_batch_that_committed_but_answered_a_timeout_or_an_outage_is_reported_as_an_unknown_outcome(HttpStatusCode answer)
    {
        var events = TestEvents.Many(2);
        _container.BatchFaults.Enqueue(new BatchFault(Commits: true, answer));

        var error = await Assert.ThrowsAsync<AppendOutcomeUnknownException>(() => Store().AppendAsync(Stream, ExpectedVersion.NoStream, events, Ct));

        Assert.Equal(Stream, error.StreamId);
        Assert.Equal(2, _container.StoredEvents(Stream).Count); // it did commit: "nothing was written" would have been false
    }

    [Fact]
    public async Task A_connection_lost_after_the_batch_left_is_an_unknown_outcome_holding_the_transport_error()
    {
        _container.BatchFaults.Enqueue(new BatchFault(Commits: true, Throws: new HttpRequestException("connection reset")));

        var error = await Assert.ThrowsAsync<AppendOutcomeUnknownException>(() => Store().AppendAsync(Stream, ExpectedVersion.NoStream, TestEvents.Many(1), Ct));

        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task After_an_unknown_outcome_the_same_append_again_answers_its_result_whether_or_not_the_batch_had_committed()
    {
        await Store().AppendAsync(Stream, ExpectedVersion.NoStream, TestEvents.Many(1), Ct);
        var committed = TestEvents.Many(2);
        var lost = TestEvents.Many(1);
        _container.BatchFaults.Enqueue(new BatchFault(Commits: true, HttpStatusCode.ServiceUnavailable));
        _container.BatchFaults.Enqueue(new BatchFault(Commits: false, HttpStatusCode.ServiceUnavailable));
        await Assert.ThrowsAsync<AppendOutcomeUnknownException>(() => Store().AppendAsync(Stream, ExpectedVersion.Exact(1), committed, Ct));
        await Assert.ThrowsAsync<AppendOutcomeUnknownException>(() => Store().AppendAsync(Stream, ExpectedVersion.Exact(3), lost, Ct));

        var first = await Store().AppendAsync(Stream, ExpectedVersion.Exact(1), committed, Ct);
        var second = await Store().AppendAsync(Stream, ExpectedVersion.Exact(3), lost, Ct);

        Assert.Equal((3L, 4L), (first.StreamVersion, second.StreamVersion));
        Assert.Equal([1L, 2, 3, 4], _container.StoredEvents(Stream).Select(e => e.Version));
    }

    [Fact]
    public async Task A_timeout_retried_by_the_store_finds_its_own_commit_and_answers_success_once()
    {
        await Store().AppendAsync(Stream, ExpectedVersion.NoStream, TestEvents.Many(1), Ct);
        var events = TestEvents.Many(2);
        // The first attempt commits and times out; the retry of the same batch meets that commit (409 / 412).
        _container.BatchFaults.Enqueue(new BatchFault(Commits: true, HttpStatusCode.RequestTimeout));

        var result = await Store(retries: 1).AppendAsync(Stream, ExpectedVersion.Exact(1), events, Ct);

        Assert.Equal(3, result.StreamVersion);
        Assert.Equal(3, _container.StoredEvents(Stream).Count);
    }

    [Fact]
    public async Task A_batch_throttled_beyond_its_retries_says_the_store_is_unavailable_and_nothing_was_written()
    {
        _container.BatchFaults.Enqueue(new BatchFault(Commits: false, HttpStatusCode.TooManyRequests));

        await Assert.ThrowsAsync<StoreUnavailableException>(() => Store().AppendAsync(Stream, ExpectedVersion.NoStream, TestEvents.Many(1), Ct));

        Assert.Empty(_container.StoredEvents(Stream));
    }

    [Fact]
    public async Task A_batch_the_service_refuses_outright_is_not_reported_as_an_unknown_outcome()
    {
        _container.BatchFaults.Enqueue(new BatchFault(Commits: false, HttpStatusCode.RequestEntityTooLarge));

        var error = await Record.ExceptionAsync(() => Store().AppendAsync(Stream, ExpectedVersion.NoStream, TestEvents.Many(1), Ct));

        Assert.IsType<Microsoft.Azure.Cosmos.CosmosException>(error);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
