using EventSourcing.Cosmos.Idempotency;
using EventSourcing.Idempotency;
using EventSourcing.Tests.Contract;

namespace EventSourcing.Cosmos.Tests.Emulator;

/// <summary>The idempotency store contract on the requests container: needs COSMOS_CONNECTION_STRING or COSMOS_ENDPOINT, else skipped.</summary>
public sealed class CosmosIdempotencyStoreTests : IdempotencyStoreContract
{
    protected override async Task<IIdempotencyStore> OpenStoreAsync() =>
        new CosmosIdempotencyStore((await CosmosEnvironment.DatabaseAsync()).GetContainer(CosmosEnvironment.Names.Requests));
}
