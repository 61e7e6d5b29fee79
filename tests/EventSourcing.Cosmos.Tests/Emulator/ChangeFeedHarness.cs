using EventSourcing.Cosmos.Projections;
using EventSourcing.Cosmos.Store;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Store;
using EventSourcing.Tests.Projections;
using EventSourcing.Tests.Support;

namespace EventSourcing.Cosmos.Tests.Emulator;

/// <summary>
/// The event store, read models and dead letters on Cosmos with a change-feed processor of its own (a fresh
/// processor name starting a minute ago), keeping <see cref="AccountBalances"/>. Skips when no Cosmos is configured.
/// </summary>
public sealed class ChangeFeedHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    private ChangeFeedHarness(Microsoft.Azure.Cosmos.Database database)
    {
        var names = CosmosEnvironment.Names;
        Events = new CosmosEventStore(database.GetContainer(names.Events));
        ReadModels = new CosmosReadModelStore(database.GetContainer(names.ReadModels), Commits.Serializer.Options);
        DeadLetters = new CosmosDeadLetterStore(database.GetContainer(names.DeadLetters));
        var dispatcher = new ChangeFeedDispatcher(Commits.Serializer, [Balances], ReadModels, DeadLetters);
        Runtime = new ChangeFeedProjections(database.GetContainer(names.Events), database.GetContainer(names.Leases), dispatcher, DeadLetters, ReadModels,
            new ChangeFeedProjectionOptions
            {
                ProcessorName = $"test-{Guid.NewGuid():N}",
                StartTime = DateTime.UtcNow.AddMinutes(-1),
                PollInterval = TimeSpan.FromMilliseconds(100),
            });
    }

    public CosmosEventStore Events { get; }

    public CosmosReadModelStore ReadModels { get; }

    public CosmosDeadLetterStore DeadLetters { get; }

    public AccountBalances Balances { get; } = new();

    public ChangeFeedProjections Runtime { get; }

    public static async Task<ChangeFeedHarness> StartAsync()
    {
        var harness = new ChangeFeedHarness(await CosmosEnvironment.DatabaseAsync());
        harness._running = harness.Runtime.RunAsync(harness._stop.Token);
        return harness;
    }

    public async Task<long> Append(string stream, params Account.Event[] events) =>
        (await Events.AppendAsync(stream, ExpectedVersion.Any, [.. events.Select(e => Commits.Serializer.Serialize(e, Guid.NewGuid(), EventMetadata.Empty))])).StreamVersion;

    /// <summary>Waits (up to 30 s) until the stream's document reflects <paramref name="version"/>.</summary>
    public Task<bool> Applied(string stream, long version) =>
        Runtime.WaitForDocumentVersionAsync(AccountBalances.ProjectionName, stream, stream, version, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    /// <summary>Reads until <paramref name="done"/> holds (up to 30 s); returns the last read.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    public Task<AccountBalance?> Balance(string stream) => ReadModels.GetAsync<AccountBalance>(AccountBalances.ProjectionName, stream);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
    }
}
