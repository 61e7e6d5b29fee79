using EventSourcing.Cosmos.Feed;
using EventSourcing.Cosmos.Store;
using EventSourcing.Tests.Feed;

namespace EventSourcing.Cosmos.Tests.Emulator;

/// <summary>
/// The feed contract on the events container's change feed: needs COSMOS_CONNECTION_STRING or COSMOS_ENDPOINT, else
/// skipped. Other tests write to the same container; each contract test follows streams of its own prefix.
/// </summary>
public sealed class CosmosFeedReaderContract : EventFeedReaderContract
{
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow.AddMinutes(-1);

    protected override DateTimeOffset? SharedStoreStart => _started;

    protected override async Task<FeedUnderTest> OpenAsync()
    {
        var events = (await CosmosEnvironment.DatabaseAsync()).GetContainer(CosmosEnvironment.Names.Events);
        return new FeedUnderTest(new CosmosEventStore(events), new CosmosFeedReader(events), OneOrderAcrossStreams: false, () => ValueTask.CompletedTask);
    }
}
