using EventSourcing.Cosmos.Store;
using EventSourcing.Tests.Contract;

namespace EventSourcing.Cosmos.Tests.Emulator;

/// <summary>
/// The whole store contract on Cosmos with the default options; every test uses fresh stream ids, so one shared
/// container serves them all. Ids are looked up only where a retry can be recognised, so the two tests of ids reused
/// elsewhere are left to <see cref="CosmosStoreWideIdsContract"/>.
/// </summary>
public sealed class CosmosEventStoreContract : EventStoreContract
{
    protected override async Task<StoreUnderTest> OpenStoreAsync()
    {
        var database = await CosmosEnvironment.DatabaseAsync();
        var store = new CosmosEventStore(database.GetContainer(CosmosEnvironment.Names.Events));
        return new StoreUnderTest(store, store.Snapshots, Feed: null, () => ValueTask.CompletedTask) { RefusesEveryReusedId = false };
    }
}
