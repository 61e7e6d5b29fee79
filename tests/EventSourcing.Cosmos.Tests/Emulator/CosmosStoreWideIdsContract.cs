using EventSourcing.Cosmos.Store;
using EventSourcing.Tests.Contract;

namespace EventSourcing.Cosmos.Tests.Emulator;

/// <summary>The whole store contract on Cosmos with the store-wide id check opted in (<see cref="EventIdScope.Store"/>).</summary>
public sealed class CosmosStoreWideIdsContract : EventStoreContract
{
    protected override async Task<StoreUnderTest> OpenStoreAsync()
    {
        var database = await CosmosEnvironment.DatabaseAsync();
        var store = new CosmosEventStore(database.GetContainer(CosmosEnvironment.Names.Events), new CosmosEventStoreOptions { EventIds = EventIdScope.Store });
        return new StoreUnderTest(store, store.Snapshots, Feed: null, () => ValueTask.CompletedTask);
    }
}
