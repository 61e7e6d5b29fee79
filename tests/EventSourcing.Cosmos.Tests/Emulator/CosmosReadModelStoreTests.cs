using EventSourcing.Cosmos.Projections;
using EventSourcing.Projections;

namespace EventSourcing.Cosmos.Tests.Emulator;

/// <summary>
/// The ETag rules the dispatcher relies on (and <see cref="Support.InMemoryReadModels"/> imitates), on a real container:
/// needs COSMOS_CONNECTION_STRING or COSMOS_ENDPOINT, else skipped.
/// </summary>
public sealed class CosmosReadModelStoreTests
{
    [Fact]
    public async Task A_write_based_on_a_stale_read_is_refused_and_a_second_create_too()
    {
        var store = new CosmosReadModelStore((await CosmosEnvironment.DatabaseAsync()).GetContainer(CosmosEnvironment.Names.ReadModels));
        var key = $"k/{Guid.NewGuid():N}?#"; // characters Cosmos forbids in ids
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await store.TryWriteAsync("etag-test", Document(key, 1), null, ct));
        Assert.False(await store.TryWriteAsync("etag-test", Document(key, 1), null, ct)); // created meanwhile by another writer
        var read = (await store.LoadAsync("etag-test", key, ct))!;
        Assert.True(await store.TryWriteAsync("etag-test", Document(key, 2), read.ETag, ct));
        Assert.False(await store.TryWriteAsync("etag-test", Document(key, 3), read.ETag, ct)); // the ETag moved

        var stored = (await store.LoadAsync("etag-test", key, ct))!.Document;
        Assert.Equal((key, 2L), (stored.Key, stored.Versions["s"]));
    }

    [Fact]
    public async Task A_document_over_the_size_limit_is_rejected_so_its_event_can_be_parked()
    {
        var store = new CosmosReadModelStore((await CosmosEnvironment.DatabaseAsync()).GetContainer(CosmosEnvironment.Names.ReadModels));
        var huge = Document($"big-{Guid.NewGuid():N}", 1) with { Json = $"{{\"blob\":\"{new string('x', 2_200_000)}\"}}" };

        await Assert.ThrowsAsync<ReadModelRejectedException>(() => store.TryWriteAsync("etag-test", huge, null, TestContext.Current.CancellationToken));
    }

    private static StoredDocument Document(string key, long version) =>
        new(key, $$"""{"v":{{version}}}""", new Dictionary<string, long> { ["s"] = version }, DateTimeOffset.UtcNow);
}
