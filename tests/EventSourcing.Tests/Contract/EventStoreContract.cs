using EventSourcing.Snapshots;
using EventSourcing.Store;

namespace EventSourcing.Tests.Contract;

/// <summary>A store opened for one contract test, with what it offers besides the core contract.</summary>
public sealed record StoreUnderTest(IEventStore Store, ISnapshotStore Snapshots, IEventFeed? Feed, Func<ValueTask> Close)
{
    /// <summary>
    /// Whether every append refuses any stored id, wherever it is (true for stores that check on every append). Cosmos by
    /// default looks ids up only where a retry can be recognised, so an id reused in another stream, or by an append at the
    /// stream's current version whose first event did not start a stored append, is not found there.
    /// </summary>
    public bool RefusesEveryReusedId { get; init; } = true;
}

/// <summary>
/// The store contract, written once. An adapter runs all of it by subclassing with one line that opens
/// a fresh store. Every test uses its own stream ids, so a shared server works as well as a fresh file.
/// </summary>
public abstract partial class EventStoreContract : IAsyncLifetime
{
    private StoreUnderTest? _sut;

    protected abstract Task<StoreUnderTest> OpenStoreAsync();

    protected IEventStore Store => _sut!.Store;

    protected ISnapshotStore Snapshots => _sut!.Snapshots;

    protected IEventFeed Feed => _sut!.Feed ?? throw new InvalidOperationException("This store has no global feed.");

    protected void SkipUnlessEveryReusedIdIsRefused() => Assert.SkipUnless(_sut!.RefusesEveryReusedId,
        "This store looks event ids up only where a retry can be recognised (Cosmos's default); the store-wide check is an opt-in, run in its own contract run.");

    protected void SkipUnlessFeed() => Assert.SkipWhen(_sut!.Feed is null, "This store has no global position; its feed is tested separately.");

    public async ValueTask InitializeAsync() => _sut = await OpenStoreAsync();

    public async ValueTask DisposeAsync()
    {
        if (_sut is not null) await _sut.Close();
        GC.SuppressFinalize(this);
    }

    protected async Task<IReadOnlyList<RecordedEvent>> ReadAll(string stream) =>
        await Store.ReadStreamAsync(stream, StreamReadOptions.All, TestContext.Current.CancellationToken);

    protected Task<AppendResult> Append(string stream, ExpectedVersion expected, params EventData[] events) =>
        Store.AppendAsync(stream, expected, events, TestContext.Current.CancellationToken);

    /// <summary>Asserts the stream is exactly as it was: same version, same events.</summary>
    protected async Task AssertUnchanged(string stream, long version)
    {
        Assert.Equal(version, await Store.GetStreamVersionAsync(stream, TestContext.Current.CancellationToken));
        if (version == 0)
            await Assert.ThrowsAsync<StreamNotFoundException>(() => ReadAll(stream));
        else
            Assert.Equal(version, (await ReadAll(stream)).Count);
    }
}
