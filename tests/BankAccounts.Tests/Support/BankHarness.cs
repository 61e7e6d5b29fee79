using BankAccounts.Accounts;
using BankAccounts.Statements;
using BankAccounts.Transfers;
using EventSourcing.Hosting;
using EventSourcing.Projections;
using EventSourcing.Sagas;
using EventSourcing.Serialization;
using EventSourcing.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BankAccounts.Tests.Support;

/// <summary>
/// The bank domain composed as a host composes it (<c>AddEventSourcing(...).UseSqlite().AddBankAccounts()</c>), on SQLite
/// files in a temp folder, with its background work running: the statement projection, the embedded saga runner with
/// the transfer saga, and the subscriber that starts it from the feed (<see cref="TransferTrigger"/>).
/// </summary>
public sealed class BankHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _folder = new();
    private readonly IHost _host;

    private BankHarness(Action<OrchestrationRegistry>? wrap)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Store:DataDirectory", _folder.Path)]);
        builder.Services.AddEventSourcing(builder.Configuration, BankEventTypes.Create()).UseSqlite(o => o.DurableCommits = false).AddBankAccounts();
        // Registered after the transfer saga, so it sees the saga's activities and can wrap them.
        if (wrap is not null) builder.Services.AddSingleton<ISagaDefinition>(new RegistryChange(wrap));
        _host = builder.Build();
    }

    /// <param name="wrap">Changes the saga registry before the runner starts (e.g. to run activities twice).</param>
    public static async Task<BankHarness> StartAsync(Action<OrchestrationRegistry>? wrap = null)
    {
        var harness = new BankHarness(wrap);
        await harness._host.StartAsync(TestContext.Current.CancellationToken);
        return harness;
    }

    private T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public SqliteEventStore Events => Get<SqliteEventStore>();

    public IReadModelStore ReadModels => Get<IReadModelStore>();

    public IProjectionRuntime Projections => Get<IProjectionRuntime>();

    public ISagaClient Sagas => Get<ISagaClient>();

    public EventSerializer Serializer => Get<EventSerializer>();

    public BankHandlers Handlers => Get<BankHandlers>();

    public TransferTrigger Trigger => Get<TransferTrigger>();
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
            var instance = await Sagas.GetAsync(instanceId, TestContext.Current.CancellationToken);
            if (instance is { Status: not SagaStatus.Running }) return instance;
            Assert.True(DateTime.UtcNow < deadline, $"saga {instanceId} did not finish in 30 s; it is {instance?.Status} with {instance?.Steps.Count} steps");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        _folder.Dispose();
    }

    private sealed class RegistryChange(Action<OrchestrationRegistry> change) : ISagaDefinition
    {
        public void Register(OrchestrationRegistry registry) => change(registry);
    }
}
