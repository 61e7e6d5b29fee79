using EventSourcing.Cosmos.Projections;
using EventSourcing.Cosmos.Projections.Generations;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Tests.Projections;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Cosmos.Tests.Projections.Generations;

/// <summary>One writer per generation: the main dispatcher writes generation 1 only, a generation's own dispatcher writes it.</summary>
public sealed class DispatcherGenerationTests
{
    private const string Name = AccountBalances.ProjectionName;
    private readonly InMemoryReadModels _storage = new();
    private readonly InMemoryGenerations _records = new();
    private readonly AccountBalances _balances = new();
    private readonly ChangeFeedDispatcher _main;

    public DispatcherGenerationTests() =>
        _main = new ChangeFeedDispatcher(Commits.Serializer, [_balances], _storage, _storage,
            new ChangeFeedDispatcherOptions { ErrorDelay = TimeSpan.FromMilliseconds(1) }, generations: _records);

    [Fact]
    public async Task The_main_dispatcher_keeps_writing_generation_one_while_another_is_being_built()
    {
        _records.Put(new(Name, 1, 2));

        await _main.DispatchAsync([Commits.Of("account-1", 0, new Opened("alice"))], TestContext.Current.CancellationToken);

        Assert.NotNull(_storage.Document(Name, "account-1"));
        Assert.Null(_storage.Document($"{Name}@v2", "account-1"));
    }

    [Fact]
    public async Task The_main_dispatcher_leaves_a_rebuilt_projection_to_its_own_writer()
    {
        _records.Put(new(Name, 2, null));

        await _main.DispatchAsync([Commits.Of("account-1", 0, new Opened("alice"))], TestContext.Current.CancellationToken);

        Assert.Null(_storage.Document(Name, "account-1"));
        Assert.Equal(0, _balances.Applied);
    }

    [Fact]
    public async Task A_dispatcher_fed_by_triggers_writes_the_active_generation_of_a_rebuilt_projection_itself()
    {
        var fedByTriggers = new ChangeFeedDispatcher(Commits.Serializer, [_balances], _storage, _storage,
            new ChangeFeedDispatcherOptions { ErrorDelay = TimeSpan.FromMilliseconds(1), WritesActiveGeneration = true }, generations: _records);
        _records.Put(new(Name, 2, 3)); // generation 2 serves, 3 is being built by the rebuilding host's own processor
        var ct = TestContext.Current.CancellationToken;

        var commit = Commits.Of("account-1", 0, new Opened("alice"), new Deposited(10));

        await fedByTriggers.DispatchAsync([commit], ct);
        Assert.Equal(10m, Balance($"{Name}@v2"));
        Assert.Null(_storage.Document(Name, "account-1"));
        Assert.Null(_storage.Document($"{Name}@v3", "account-1"));

        // The generation's own processor (while the rebuilding host runs) delivers the same events: applied once.
        await _main.ForGeneration(Name, 2).DispatchAsync([commit], ct);
        Assert.Equal(10m, Balance($"{Name}@v2"));
    }

    [Fact]
    public async Task A_generation_dispatcher_writes_under_the_generation_name_with_the_same_version_guard()
    {
        _records.Put(new(Name, 2, null)); // it writes whatever the record says: it is the generation's only writer
        var second = _main.ForGeneration(Name, 2);
        var first = Commits.Of("account-1", 0, new Opened("alice"), new Deposited(10));
        var ct = TestContext.Current.CancellationToken;

        await second.DispatchAsync([first, Commits.Of("account-1", 2, new Deposited(5))], ct);
        await second.DispatchAsync([first], ct); // redelivered: at or below the applied version, skipped

        var document = _storage.Document($"{Name}@v2", "account-1")!;
        Assert.Equal(3L, document.Versions["account-1"]);
        Assert.Equal(15m, System.Text.Json.JsonSerializer.Deserialize<AccountBalance>(document.Json!, Commits.Serializer.Options)!.Balance);
        Assert.Null(_storage.Document(Name, "account-1"));
        Assert.Equal([$"{Name}@v2"], second.Projections.Select(p => p.Name));
    }

    [Fact]
    public async Task A_generation_parks_its_poison_events_apart_from_the_other_generations()
    {
        _balances.FailWhen = e => e.StreamVersion == 2;
        var second = _main.ForGeneration(Name, 2);

        await second.DispatchAsync([Commits.Of("account-1", 0, new Opened("alice"), new Deposited(10))], TestContext.Current.CancellationToken);

        var letter = Assert.Single(_storage.Letters);
        Assert.Equal(($"{Name}@v2", 2, 2L), (letter.Projection, letter.Generation, letter.Event.StreamVersion));
        // Generation 1 is not held behind the new generation's parked event.
        await _main.DispatchAsync([Commits.Of("account-2", 0, new Opened("bob"))], TestContext.Current.CancellationToken);
        Assert.NotNull(_storage.Document(Name, "account-2"));
    }

    [Fact]
    public void Only_a_later_generation_of_a_known_projection_gets_a_dispatcher()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _main.ForGeneration(Name, 1));
        Assert.Throws<EventSourcing.Projections.UnknownProjectionException>(() => _main.ForGeneration("nope", 2));
    }

    private decimal? Balance(string physicalName) => _storage.Document(physicalName, "account-1") is { Json: { } json }
        ? System.Text.Json.JsonSerializer.Deserialize<AccountBalance>(json, Commits.Serializer.Options)!.Balance
        : null;
}
