using BankAccounts.Accounts;
using BankAccounts.Statements;
using BankAccounts.Transfers;
using EventSourcing.Deciders;
using EventSourcing.Projections;
using EventSourcing.Sagas;
using EventSourcing.Sagas.Embedded;
using EventSourcing.Serialization;
using EventSourcing.Sqlite;
using EventSourcing.Sqlite.Projections;
using EventSourcing.Sqlite.Sagas;
using EventSourcing.Subscriptions;

namespace BankAccounts.Tests.Support;

/// <summary>
/// The bank domain on SQLite files in a temp folder, wired from the core's public types only: the event store, the
/// statement projection's runner, the embedded saga runner with the transfer saga, and the feed subscription that
/// starts it (<see cref="TransferTrigger"/>), all running in the background.
/// </summary>
public sealed class BankHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _folder = new();
    private readonly CancellationTokenSource _running = new();
    private readonly Task _loops;

    /// <param name="wrap">Changes the registry before the runner starts (e.g. to run activities twice).</param>
    public BankHarness(Action<OrchestrationRegistry>? wrap = null)
    {
        Events = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = _folder.File("events.db") });
        ReadModels = SqliteProjectionStore.Open(new SqliteProjectionStoreOptions { DatabasePath = _folder.File("readmodels.db") });
        SagaStore = new SqliteSagaStore(_folder.File("sagas.db"));
        Serializer = new EventSerializer(BankEventTypes.Create());
        Handlers = new BankHandlers(new AggregateStore(Events, Serializer, Events.Snapshots));
        Projections = new ProjectionRunner(Events, Serializer, [new AccountStatementProjection()], ReadModels);

        var registry = new OrchestrationRegistry();
        new TransferSagaRegistration(new TransferActivities(Handlers, TimeProvider.System)).Register(registry);
        wrap?.Invoke(registry);
        Runner = new EmbeddedSagaRunner(Events, registry, SagaStore, new EmbeddedSagaRunnerOptions { FaultDelay = TimeSpan.FromMilliseconds(50) });
        Trigger = new TransferTrigger(Runner, Serializer);
        var subscriptions = new FeedSubscriptions(Events, SagaStore, SagaStore);
        var subscriber = Trigger.Subscriber;
        _loops = Task.WhenAll(
            Runner.RunAsync(_running.Token),
            Projections.RunAsync(_running.Token),
            subscriptions.RunAsync(subscriber.Name, subscriber.Handle, subscriber.KeyOf, _running.Token));
    }

    public SqliteEventStore Events { get; }

    public SqliteProjectionStore ReadModels { get; }

    public SqliteSagaStore SagaStore { get; }

    public EventSerializer Serializer { get; }

    public BankHandlers Handlers { get; }

    public ProjectionRunner Projections { get; }

    public EmbeddedSagaRunner Runner { get; }

    public TransferTrigger Trigger { get; }

    public Task OpenAsync(string accountId, string currency = "EUR", decimal overdraftLimit = 0, decimal deposit = 0) =>
        RunAsync(accountId, deposit > 0
            ? [new OpenAccount(accountId, Owner(accountId), currency, overdraftLimit, At), new Deposit(accountId, deposit, At)]
            : [new OpenAccount(accountId, Owner(accountId), currency, overdraftLimit, At)]);

    /// <summary>The owner an account is opened for: its id, capitalised ("alice" is Alice's).</summary>
    public static string Owner(string accountId) => char.ToUpperInvariant(accountId[0]) + accountId[1..];

    public Task RunAsync(string accountId, params AccountCommand[] commands) =>
        Handlers.Accounts.HandleAsync(BankStreams.Account(accountId), commands, cancellationToken: TestContext.Current.CancellationToken);

    public Task RequestTransferAsync(string transferId, string from, string to, decimal amount, string currency = "EUR") =>
        Handlers.Transfers.HandleAsync(BankStreams.Transfer(transferId), new RequestTransfer(transferId, from, to, amount, currency, At),
            cancellationToken: TestContext.Current.CancellationToken);

    public async Task<AccountState> AccountAsync(string accountId) =>
        (await Handlers.Store.LoadAsync(BankStreams.Account(accountId), AccountState.Initial,
            (AccountState s, AccountEvent e) => AccountDecider.Evolve(s, e), cancellationToken: TestContext.Current.CancellationToken)).State;

    public async Task<TransferState> TransferAsync(string transferId) =>
        (await Handlers.Store.LoadAsync(BankStreams.Transfer(transferId), TransferState.Initial,
            (TransferState s, TransferEvent e) => TransferDecider.Evolve(s, e), cancellationToken: TestContext.Current.CancellationToken)).State;

    /// <summary>The stored names of the stream's events, in order.</summary>
    public async Task<IReadOnlyList<string>> EventTypesAsync(string streamId) =>
        [.. (await Events.ReadStreamAsync(streamId, new EventSourcing.Store.StreamReadOptions(), TestContext.Current.CancellationToken)).Select(e => e.Type)];

    /// <summary>Waits for the saga to finish; the 30 s bound only ends a failing wait.</summary>
    public async Task<SagaInstance> FinishedAsync(string instanceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var instance = await Runner.GetAsync(instanceId, TestContext.Current.CancellationToken);
            if (instance is { Status: not SagaStatus.Running }) return instance;
            Assert.True(DateTime.UtcNow < deadline, $"saga {instanceId} did not finish in 30 s; it is {instance?.Status} with {instance?.Steps.Count} steps");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _running.CancelAsync();
        try { await _loops; }
        catch (OperationCanceledException) { }
        await Runner.DisposeAsync();
        Projections.Dispose();
        SagaStore.Dispose();
        ReadModels.Dispose();
        await Events.DisposeAsync();
        _running.Dispose();
        _folder.Dispose();
    }
}
