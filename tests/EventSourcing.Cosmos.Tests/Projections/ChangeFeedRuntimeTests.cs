using EventSourcing.Cosmos.Projections;
using EventSourcing.Cosmos.Setup;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Projections;
using EventSourcing.Tests.Projections;
using Microsoft.Azure.Cosmos;

namespace EventSourcing.Cosmos.Tests.Projections;

/// <summary>
/// What the change-feed runtime answers before it asks Cosmos anything. Its containers point at a port nothing listens
/// on, so an answer that needed the service would be a connection error instead.
/// </summary>
public sealed class ChangeFeedRuntimeTests : IDisposable
{
    private readonly CosmosClient _client = CosmosClients.FromConnectionString($"AccountEndpoint=https://127.0.0.1:9/;AccountKey={Convert.ToBase64String(new byte[64])};");
    private readonly ChangeFeedProjections _runtime;

    public ChangeFeedRuntimeTests()
    {
        var storage = new InMemoryReadModels();
        var dispatcher = new ChangeFeedDispatcher(Commits.Serializer, [new AccountBalances()], storage, storage);
        _runtime = new ChangeFeedProjections(_client.GetContainer("db", "events"), _client.GetContainer("db", "leases"), dispatcher, storage, storage);
    }

    [Fact]
    public void It_names_the_projections_its_dispatcher_keeps()
    {
        Assert.Equal([AccountBalances.ProjectionName], _runtime.Projections);
    }

    [Fact]
    public async Task Every_operation_on_an_unknown_projection_is_a_not_found()
    {
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<UnknownProjectionException>(() => _runtime.RebuildAsync("nope", ct));
        await Assert.ThrowsAsync<UnknownProjectionException>(() => _runtime.GetDeadLettersAsync("nope", ct));
        await Assert.ThrowsAsync<UnknownProjectionException>(() => _runtime.RetryDeadLettersAsync("nope", ct));
        await Assert.ThrowsAsync<UnknownProjectionException>(() => _runtime.WaitForPositionAsync("nope", 1, TimeSpan.Zero, ct));
        await Assert.ThrowsAsync<UnknownProjectionException>(() => _runtime.WaitForDocumentVersionAsync("nope", "k", "s", 1, TimeSpan.Zero, ct));
    }

    [Fact]
    public async Task What_cosmos_cannot_do_says_so_instead_of_pretending()
    {
        var ct = TestContext.Current.CancellationToken;

        var rebuild = await Assert.ThrowsAsync<NotSupportedException>(() => _runtime.RebuildAsync(AccountBalances.ProjectionName, ct));
        var position = await Assert.ThrowsAsync<NotSupportedException>(() => _runtime.WaitForPositionAsync(AccountBalances.ProjectionName, 1, TimeSpan.Zero, ct));

        // Without RunsRebuilds (the Functions app, whose processors are triggers): no processor here could build a new generation.
        Assert.Contains("long-running change-feed processor", rebuild.Message, StringComparison.Ordinal);
        Assert.Contains("WaitForDocumentVersionAsync", position.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_your_writes_wait_is_answered_from_the_read_model_documents()
    {
        var storage = new InMemoryReadModels();
        var dispatcher = new ChangeFeedDispatcher(Commits.Serializer, [new AccountBalances()], storage, storage);
        var runtime = new ChangeFeedProjections(_client.GetContainer("db", "events"), _client.GetContainer("db", "leases"), dispatcher, storage, storage);
        await dispatcher.DispatchAsync([Commits.Of("account-1", 0, new EventSourcing.Tests.Support.Account.Opened("alice"))], TestContext.Current.CancellationToken);

        var reached = await runtime.WaitForDocumentVersionAsync(AccountBalances.ProjectionName, "account-1", "account-1", 1, TimeSpan.Zero, TestContext.Current.CancellationToken);
        var ahead = await runtime.WaitForDocumentVersionAsync(AccountBalances.ProjectionName, "account-1", "account-1", 2, TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);

        Assert.Equal((true, false), (reached, ahead));
    }

    public void Dispose() => _client.Dispose();
}
