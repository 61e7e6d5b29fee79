using EventSourcing.Deciders;
using EventSourcing.Store;
using EventSourcing.Tests.Support;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Tests.Core;

public sealed class CommandHandlerTests : IAsyncDisposable
{
    private readonly AccountHarness _harness = new();
    private readonly string _stream = TestEvents.Stream("account");

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task A_command_appends_its_events_with_correlation_causation_and_headers()
    {
        var context = new CommandContext(CorrelationId: "corr-7", CausationId: "cmd-1", Headers: new Dictionary<string, string> { ["user"] = "ann" });

        var result = await _harness.Handler().HandleAsync(_stream, new Open("ann"), context);

        Assert.Equal(1, result.Version);
        Assert.Equal(new Opened("ann"), Assert.Single(result.Events));
        Assert.True(result.State.IsOpen);
        var stored = Assert.Single(await _harness.Store.ReadStreamAsync(_stream, StreamReadOptions.All));
        Assert.Equal(("AccountOpened", "corr-7", "cmd-1", "ann"), (stored.Type, stored.Metadata.CorrelationId, stored.Metadata.CausationId, stored.Metadata.Headers!["user"]));
    }

    [Fact]
    public async Task A_command_that_changes_nothing_appends_nothing()
    {
        var handler = _harness.Handler();
        await handler.HandleAsync(_stream, new Open("ann"));

        var again = await handler.HandleAsync(_stream, new Open("ann"));

        Assert.Empty(again.Events);
        Assert.Equal(1, again.Version);
        Assert.Equal(1, await _harness.Store.GetStreamVersionAsync(_stream));
    }

    [Fact]
    public async Task A_rejected_command_appends_nothing()
    {
        var handler = _harness.Handler();
        await handler.HandleAsync(_stream, new Deposit(10));

        await Assert.ThrowsAsync<InsufficientFunds>(() => handler.HandleAsync(_stream, new Withdraw(11)));

        Assert.Equal(1, await _harness.Store.GetStreamVersionAsync(_stream));
    }

    [Fact]
    public async Task A_conflict_is_retried_from_fresh_state()
    {
        var racing = new RacingStore(_harness.Store, _stream, races: 1);
        var handler = new CommandHandler<Command, Event, State>(new(racing, _harness.Aggregates.Serializer), Decider);
        await _harness.Handler().HandleAsync(_stream, new Deposit(100));

        var result = await handler.HandleAsync(_stream, new Withdraw(60));

        // The racing writer deposited 100 more in between; the retry decided again on the fresh balance.
        Assert.Equal(3, result.Version);
        Assert.Equal(140, result.State.Balance);
        Assert.Equal(140, (await _harness.Load(_stream)).State.Balance);
        Assert.Equal(2, racing.Appends);
    }

    [Fact]
    public async Task Concurrent_commands_on_one_stream_in_one_process_take_turns_instead_of_conflicting()
    {
        // No retries at all: a command that met a conflict would fail. Two handlers share the store, as a host's do.
        var deposits = _harness.Handler(retries: 0);
        var withdrawals = _harness.Handler(retries: 0);
        await deposits.HandleAsync(_stream, new Deposit(1000));

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => i % 2 == 0
            ? deposits.HandleAsync(_stream, new Deposit(10))
            : withdrawals.HandleAsync(_stream, new Withdraw(5)))));

        Assert.Equal(65, await _harness.Store.GetStreamVersionAsync(_stream));
        Assert.Equal(1000 + 32 * 10 - 32 * 5, (await _harness.Load(_stream)).State.Balance);
        Assert.Equal(0, _harness.Aggregates.Turns.Count); // streams with nothing in flight are not kept
    }

    [Fact]
    public async Task Conflicts_are_retried_a_bounded_number_of_times_then_reported()
    {
        var racing = new RacingStore(_harness.Store, _stream, races: int.MaxValue);
        var handler = new CommandHandler<Command, Event, State>(new(racing, _harness.Aggregates.Serializer), Decider, new(MaxConflictRetries: 2));

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => handler.HandleAsync(_stream, new Deposit(1)));

        Assert.Equal(3, racing.Appends);
        Assert.Equal(3, await _harness.Store.GetStreamVersionAsync(_stream)); // only the racer's deposits
    }

    [Fact]
    public async Task A_stale_version_from_the_caller_is_reported_not_retried()
    {
        var handler = _harness.Handler();
        await handler.HandleAsync(_stream, new Deposit(5));
        await handler.HandleAsync(_stream, new Deposit(5));

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => handler.HandleAsync(_stream, new Deposit(5), new CommandContext(ExpectedVersion.Exact(1))));

        Assert.Equal(2, error.Actual);
        Assert.Equal(2, await _harness.Store.GetStreamVersionAsync(_stream));
    }

    [Fact]
    public async Task The_same_command_with_the_same_idempotency_key_appends_once()
    {
        var handler = _harness.Handler();
        var context = new CommandContext(IdempotencyKey: "deposit-42");

        var first = await handler.HandleAsync(_stream, new Deposit(42), context);
        var retry = await handler.HandleAsync(_stream, new Deposit(42), context);
        await handler.HandleAsync(_stream, new Deposit(42), context with { IdempotencyKey = "deposit-43" });

        Assert.Equal(1, first.Version);
        Assert.Empty(retry.Events);
        Assert.Equal(42, retry.State.Balance);
        Assert.Equal(84, (await _harness.Load(_stream)).State.Balance);
    }

    [Fact]
    public async Task Several_commands_append_together_or_not_at_all()
    {
        var handler = _harness.Handler();

        await Assert.ThrowsAsync<InsufficientFunds>(() => handler.HandleAsync(_stream, [new Open("ann"), new Deposit(5), new Withdraw(6)]));
        Assert.Equal(0, await _harness.Store.GetStreamVersionAsync(_stream));

        var result = await handler.HandleAsync(_stream, [new Open("ann"), new Deposit(5), new Withdraw(2)]);
        Assert.Equal(3, result.Version);
        Assert.Equal(3, result.State.Balance);
        Assert.Equal(result.Position, (await _harness.Store.ReadStreamAsync(_stream, StreamReadOptions.All))[0].Position + 2);
    }

    /// <summary>Lets another writer deposit into the stream just before each of the first <c>races</c> appends.</summary>
    private sealed class RacingStore(IEventStore inner, string stream, int races) : IEventStore
    {
        public int Appends { get; private set; }

        public async Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
        {
            if (Appends++ < races)
            {
                var rival = new Deposited(100);
                var data = new EventSourcing.Serialization.EventSerializer(Types()).Serialize(rival, Guid.NewGuid(), EventMetadata.Empty);
                await inner.AppendAsync(stream, ExpectedVersion.Any, [data], cancellationToken);
            }
            return await inner.AppendAsync(streamId, expectedVersion, events, cancellationToken);
        }

        public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, StreamReadOptions options, CancellationToken cancellationToken = default) =>
            inner.ReadStreamAsync(streamId, options, cancellationToken);

        public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default) =>
            inner.GetStreamVersionAsync(streamId, cancellationToken);
    }
}
