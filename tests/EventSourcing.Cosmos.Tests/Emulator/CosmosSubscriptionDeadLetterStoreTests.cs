using EventSourcing.Cosmos.Subscriptions;
using EventSourcing.Subscriptions;
using EventSourcing.Tests.Subscriptions;

namespace EventSourcing.Cosmos.Tests.Emulator;

/// <summary>The subscription dead letters in the dead-letters container: needs COSMOS_CONNECTION_STRING or COSMOS_ENDPOINT, else skipped.</summary>
public sealed class CosmosSubscriptionDeadLetterStoreTests : SubscriptionDeadLetterStoreContract
{
    protected override async Task<ISubscriptionDeadLetterStore> StoreAsync() =>
        new CosmosSubscriptionDeadLetterStore((await CosmosEnvironment.DatabaseAsync()).GetContainer(CosmosEnvironment.Names.DeadLetters));
}
