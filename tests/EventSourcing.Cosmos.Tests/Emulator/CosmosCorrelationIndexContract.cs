using EventSourcing.Cosmos.Store;
using EventSourcing.Tests.Contract;

namespace EventSourcing.Cosmos.Tests.Emulator;

/// <summary>The correlation-index contract on Cosmos: the cross-partition query over the indexed correlation ids. Needs Cosmos, else skipped.</summary>
public sealed class CosmosCorrelationIndexContract : CorrelationIndexContract
{
    protected override async Task<CorrelationIndexUnderTest> OpenAsync()
    {
        var database = await CosmosEnvironment.DatabaseAsync();
        var store = new CosmosEventStore(database.GetContainer(CosmosEnvironment.Names.Events));
        return new CorrelationIndexUnderTest(store, store.Correlations, () => ValueTask.CompletedTask);
    }
}
