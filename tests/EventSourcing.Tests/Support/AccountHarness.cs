using EventSourcing.Deciders;
using EventSourcing.Serialization;
using EventSourcing.Snapshots;
using EventSourcing.Sqlite;
using EventSourcing.Store;

namespace EventSourcing.Tests.Support;

/// <summary>A SQLite store in a temp folder with the account decider wired to a command handler.</summary>
public sealed class AccountHarness : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();

    /// <param name="clock">The clock that stamps events; a fake one lets a test place events in time without waiting.</param>
    public AccountHarness(bool durable = true, StateCache? cache = null, Func<IEventStore, IEventStore>? wrap = null, TimeProvider? clock = null)
    {
        Store = SqliteEventStore.Open(new SqliteStoreOptions
        {
            DatabasePath = _folder.File("events.db"), DurableCommits = durable, TimeProvider = clock ?? TimeProvider.System,
        });
        Aggregates = new AggregateStore(wrap?.Invoke(Store) ?? Store, new EventSerializer(Account.Types()), Store.Snapshots, cache: cache);
    }

    public SqliteEventStore Store { get; }

    public AggregateStore Aggregates { get; }

    public CommandHandler<Account.Command, Account.Event, Account.State> Handler(SnapshotOptions? snapshots = null, int retries = 5) =>
        new(Aggregates, Account.Decider, new CommandHandlerOptions(retries, snapshots));

    public Task<LoadedState<Account.State>> Load(string stream, SnapshotOptions? snapshots = null, long? atVersion = null, DateTimeOffset? asOf = null) =>
        Aggregates.LoadAsync<Account.Event, Account.State>(stream, Account.Decider.Initial, Account.Decider.Evolve, snapshots, atVersion, asOf);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _folder.Dispose();
    }
}
