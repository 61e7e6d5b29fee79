using EventSourcing.Cosmos.Projections;
using EventSourcing.Cosmos.Setup;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Projections;
using EventSourcing.Tests.Projections;
using Microsoft.Azure.Cosmos;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Cosmos.Tests.Projections.Generations;

/// <summary>
/// The runtime's rebuild bookkeeping with the runtime not running (so no processor starts and Cosmos, at a port
/// nothing listens on, is never asked): what it records, and how reads and retries follow the active generation.
/// </summary>
public sealed class RuntimeGenerationTests : IDisposable
{
    private const string Name = AccountBalances.ProjectionName;
    private readonly CosmosClient _client = CosmosClients.FromConnectionString($"AccountEndpoint=https://127.0.0.1:9/;AccountKey={Convert.ToBase64String(new byte[64])};");
    private readonly InMemoryReadModels _storage = new();
    private readonly InMemoryGenerations _records = new();
    private readonly AccountBalances _balances = new();
    private readonly ChangeFeedDispatcher _dispatcher;
    private readonly ChangeFeedProjections _runtime;

    public RuntimeGenerationTests()
    {
        _dispatcher = new ChangeFeedDispatcher(Commits.Serializer, [_balances], _storage, _storage,
            new ChangeFeedDispatcherOptions { ErrorDelay = TimeSpan.FromMilliseconds(1) }, generations: _records);
        _runtime = new ChangeFeedProjections(_client.GetContainer("db", "events"), _client.GetContainer("db", "leases"), _dispatcher, _storage, _storage,
            new ChangeFeedProjectionOptions { RunsRebuilds = true });
    }

    [Fact]
    public async Task A_rebuild_records_the_next_generation_as_building_and_asking_again_returns_the_same_one()
    {
        var ct = TestContext.Current.CancellationToken;

        var first = await _runtime.RebuildAsync(Name, ct);
        var again = await _runtime.RebuildAsync(Name, ct);

        Assert.Equal((2, 2), (first, again));
        Assert.Equal(new(Name, 1, 2), _records.Record(Name));
    }

    [Fact]
    public async Task After_a_switch_the_next_rebuild_builds_the_generation_after_the_active_one()
    {
        _records.Put(new(Name, 2, null));

        Assert.Equal(3, await _runtime.RebuildAsync(Name, TestContext.Current.CancellationToken));
        Assert.Equal(new(Name, 2, 3), _records.Record(Name));
    }

    [Fact]
    public async Task A_rebuild_that_loses_the_record_to_another_request_returns_the_winner_generation()
    {
        _records.RaceNextWrite = new(Name, 1, 2);

        Assert.Equal(2, await _runtime.RebuildAsync(Name, TestContext.Current.CancellationToken));
        Assert.Equal(new(Name, 1, 2), _records.Record(Name));
    }

    [Fact]
    public async Task A_read_your_writes_wait_reads_the_active_generation()
    {
        var ct = TestContext.Current.CancellationToken;
        _records.Put(new(Name, 2, null));
        await _dispatcher.ForGeneration(Name, 2).DispatchAsync([Commits.Of("account-1", 0, new Opened("alice"))], ct);
        await _dispatcher.ForGeneration(Name, 3).DispatchAsync([Commits.Of("account-1", 0, new Opened("alice"), new Deposited(1))], ct);

        var reached = await _runtime.WaitForDocumentVersionAsync(Name, "account-1", "account-1", 1, TimeSpan.Zero, ct);
        var building = await _runtime.WaitForDocumentVersionAsync(Name, "account-1", "account-1", 2, TimeSpan.FromMilliseconds(50), ct);

        Assert.Equal((true, false), (reached, building)); // version 2 is only in generation 3, which does not answer yet
    }

    [Fact]
    public async Task Dead_letters_are_listed_and_retried_in_the_active_generation()
    {
        var ct = TestContext.Current.CancellationToken;
        _records.Put(new(Name, 2, null));
        _balances.FailWhen = e => e.StreamVersion == 2;
        await _dispatcher.ForGeneration(Name, 2).DispatchAsync([Commits.Of("account-1", 0, new Opened("alice"), new Deposited(10))], ct);
        var parked = await _runtime.GetDeadLettersAsync(Name, ct);
        _balances.FailWhen = null;

        var retry = await _runtime.RetryDeadLettersAsync(Name, ct);

        Assert.Equal([2L], parked.Select(l => l.Event.StreamVersion));
        Assert.Equal(new DeadLetterRetryResult(1, 0), retry);
        Assert.Equal(2L, _storage.Document($"{Name}@v2", "account-1")!.Versions["account-1"]);
        Assert.Empty(await _runtime.GetDeadLettersAsync(Name, ct));
    }

    [Fact]
    public async Task Without_rebuilds_on_this_host_the_answer_is_not_supported_and_nothing_is_recorded()
    {
        var runtime = new ChangeFeedProjections(_client.GetContainer("db", "events"), _client.GetContainer("db", "leases"), _dispatcher, _storage, _storage);

        await Assert.ThrowsAsync<NotSupportedException>(() => runtime.RebuildAsync(Name, TestContext.Current.CancellationToken));
        Assert.Null(_records.Record(Name));
    }

    public void Dispose() => _client.Dispose();
}
