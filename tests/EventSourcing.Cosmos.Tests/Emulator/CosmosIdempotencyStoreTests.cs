using EventSourcing.Cosmos.Idempotency;
using EventSourcing.Idempotency;

namespace EventSourcing.Cosmos.Tests.Emulator;

/// <summary>The requests container: needs COSMOS_CONNECTION_STRING or COSMOS_ENDPOINT, else skipped.</summary>
public sealed class CosmosIdempotencyStoreTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    [Fact]
    public async Task The_first_response_for_a_key_is_kept_and_a_racing_second_one_gets_it_back()
    {
        var store = await StoreAsync();
        var key = $"POST /api/orders|{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;

        var kept = await store.SaveAsync(Response(key, 201, now), now - Window, TestContext.Current.CancellationToken);
        var second = await store.SaveAsync(Response(key, 409, now), now - Window, TestContext.Current.CancellationToken);
        var found = await store.FindAsync(key, now - Window, TestContext.Current.CancellationToken);

        Assert.Equal((201, 201, 201), (kept.StatusCode, second.StatusCode, found!.StatusCode));
        Assert.Null(await store.FindAsync($"{key}-other", now - Window, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_expired_response_no_longer_answers_and_is_replaced_by_the_next_one()
    {
        var store = await StoreAsync();
        var key = $"POST /api/orders|{Guid.NewGuid():N}";
        var then = DateTimeOffset.UtcNow - TimeSpan.FromHours(25);
        var now = DateTimeOffset.UtcNow;
        await store.SaveAsync(Response(key, 201, then), then - Window, TestContext.Current.CancellationToken);

        var expired = await store.FindAsync(key, now - Window, TestContext.Current.CancellationToken);
        var replaced = await store.SaveAsync(Response(key, 202, now), now - Window, TestContext.Current.CancellationToken);

        Assert.Null(expired);
        Assert.Equal(202, replaced.StatusCode);
        Assert.Equal(202, (await store.FindAsync(key, now - Window, TestContext.Current.CancellationToken))!.StatusCode);
    }

    private static async Task<CosmosIdempotencyStore> StoreAsync() =>
        new((await CosmosEnvironment.DatabaseAsync()).GetContainer(CosmosEnvironment.Names.Requests));

    private static IdempotentResponse Response(string key, int status, DateTimeOffset at) =>
        new(key, "hash", status, "application/json", "{}"u8.ToArray(), new Dictionary<string, string>(), at);
}
