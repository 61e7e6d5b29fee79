using EventSourcing.Feed;
using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Tests.Contract;

/// <summary>A store and its correlation index, opened for one contract test.</summary>
public sealed record CorrelationIndexUnderTest(IEventStore Store, ICorrelationIndex Index, Func<ValueTask> Close);

/// <summary>
/// The correlation-index contract, written once; each store runs it through a one-line subclass. Every test uses its
/// own correlation ids and streams, so a shared server works as well as a fresh file.
/// </summary>
public abstract class CorrelationIndexContract : IAsyncLifetime
{
    private CorrelationIndexUnderTest? _sut;

    protected abstract Task<CorrelationIndexUnderTest> OpenAsync();

    private IEventStore Store => _sut!.Store;

    private ICorrelationIndex Index => _sut!.Index;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewCorrelation() => $"corr-{Guid.NewGuid():N}";

    private static EventData Carrying(string? correlationId, int n) =>
        TestEvents.New(json: $$"""{"n":{{n}}}""", metadata: new EventMetadata(correlationId, "cause"));

    [Fact]
    public async Task Given_events_of_one_correlation_across_streams_Then_every_one_and_nothing_else_comes_back_in_commit_order()
    {
        var (id, other) = (NewCorrelation(), NewCorrelation());
        var (order, stock, payment) = (TestEvents.Stream("order"), TestEvents.Stream("inventory"), TestEvents.Stream("payment"));
        await Store.AppendAsync(order, ExpectedVersion.NoStream, [Carrying(id, 1)], Ct);
        await Store.AppendAsync(stock, ExpectedVersion.NoStream, [Carrying(other, 2)], Ct);
        await Store.AppendAsync(stock, ExpectedVersion.Exact(1), [Carrying(id, 3), Carrying(null, 4), Carrying(id, 5)], Ct);
        await Store.AppendAsync(payment, ExpectedVersion.NoStream, [Carrying(id, 6)], Ct);
        await Store.AppendAsync(order, ExpectedVersion.Exact(1), [Carrying(other, 7), Carrying(id, 8)], Ct);

        var page = await Index.ReadCorrelatedAsync(id, null, 100, Ct);

        Assert.Equal([(order, 1L), (stock, 2L), (stock, 4L), (payment, 1L), (order, 3L)], page.Events.Select(e => (e.StreamId, e.StreamVersion)));
        Assert.Equal(["""{"n":1}""", """{"n":3}""", """{"n":5}""", """{"n":6}""", """{"n":8}"""], page.Events.Select(e => e.Text()));
        Assert.All(page.Events, e => Assert.Equal(new EventMetadata(id, "cause"), e.Metadata));
        Assert.Equal(page.Events.Select(e => e.Timestamp).Order(), page.Events.Select(e => e.Timestamp));
        if (page.Events.All(e => e.Position is not null)) Assert.Equal(page.Events.Select(e => e.Position).Order(), page.Events.Select(e => e.Position));
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Given_more_events_than_a_page_holds_Then_following_next_returns_each_once_in_order_and_ends_with_no_next()
    {
        var id = NewCorrelation();
        var (a, b) = (TestEvents.Stream(), TestEvents.Stream());
        await Store.AppendAsync(a, ExpectedVersion.NoStream, [Carrying(id, 1), Carrying(id, 2), Carrying(id, 3)], Ct);
        await Store.AppendAsync(b, ExpectedVersion.NoStream, [Carrying(id, 4)], Ct);
        await Store.AppendAsync(a, ExpectedVersion.Exact(3), [Carrying(id, 5)], Ct);
        var whole = await Index.ReadCorrelatedAsync(id, null, 100, Ct);

        var paged = new List<RecordedEvent>();
        var pages = 0;
        string? after = null;
        do
        {
            var page = await Index.ReadCorrelatedAsync(id, after, 2, Ct);
            Assert.InRange(page.Events.Count, 1, 2);
            paged.AddRange(page.Events);
            after = page.Next;
            pages++;
        } while (after is not null);

        Assert.Equal(5, whole.Events.Count);
        Assert.Equal(3, pages); // 2 + 2 + 1: a page may end inside a commit and the next resumes there
        Assert.Equal(whole.Events.Select(e => e.EventId), paged.Select(e => e.EventId));
    }

    [Fact]
    public async Task Given_an_id_no_event_carries_Then_the_page_is_empty_with_no_next()
    {
        await Store.AppendAsync(TestEvents.Stream(), ExpectedVersion.NoStream, [Carrying(NewCorrelation(), 1)], Ct);

        var page = await Index.ReadCorrelatedAsync(NewCorrelation(), null, 10, Ct);

        Assert.Empty(page.Events);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Given_a_cursor_no_page_returned_or_a_bad_argument_Then_it_is_refused_with_a_typed_error()
    {
        var id = NewCorrelation();

        await Assert.ThrowsAsync<InvalidFeedCursorException>(() => Index.ReadCorrelatedAsync(id, "not a cursor", 10, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Index.ReadCorrelatedAsync("", null, 10, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Index.ReadCorrelatedAsync(id, null, 0, Ct));
    }

    public async ValueTask InitializeAsync() => _sut = await OpenAsync();

    public async ValueTask DisposeAsync()
    {
        if (_sut is not null) await _sut.Close();
        GC.SuppressFinalize(this);
    }
}
