using EventSourcing.Deciders;
using EventSourcing.Serialization;
using EventSourcing.Store;
using EventSourcing.Tests.Support;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Tests.Core;

/// <summary>The state cache only ever shortens a read: every answer is the one folding the whole stream gives.</summary>
public sealed class StateCacheTests : IAsyncDisposable
{
    private readonly StateCache _cache = new(capacity: 1);
    private readonly List<StreamReadOptions> _reads = [];
    private readonly AccountHarness _harness;
    private readonly string _stream = TestEvents.Stream("account");

    public StateCacheTests() => _harness = new AccountHarness(cache: _cache, wrap: store => new RecordingReads(store, _reads));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_command_reads_only_the_events_after_the_state_it_remembers()
    {
        var handler = _harness.Handler();
        await handler.HandleAsync(_stream, new Open("ann"), cancellationToken: Ct);
        await handler.HandleAsync(_stream, new Deposit(10), cancellationToken: Ct);
        _reads.Clear();

        var result = await handler.HandleAsync(_stream, new Withdraw(4), cancellationToken: Ct);

        Assert.Equal(6, result.State.Balance);
        Assert.Equal(3, Assert.Single(_reads).FromVersion);
    }

    [Fact]
    public async Task Events_written_behind_the_cache_are_folded_in_before_deciding()
    {
        var handler = _harness.Handler();
        await handler.HandleAsync(_stream, new Open("ann"), cancellationToken: Ct);
        await handler.HandleAsync(_stream, new Deposit(10), cancellationToken: Ct);
        // Another process (no cache) empties the account.
        var other = new AggregateStore(_harness.Store, new EventSerializer(Types()));
        await other.AppendAsync(_stream, ExpectedVersion.Exact(2), [new Withdrawn(10)], [Guid.NewGuid()], EventMetadata.Empty, Ct);

        await Assert.ThrowsAsync<InsufficientFunds>(() => handler.HandleAsync(_stream, new Withdraw(1), cancellationToken: Ct));
        Assert.Equal(0, (await _harness.Load(_stream)).State.Balance);
    }

    [Fact]
    public async Task Past_states_and_evicted_streams_are_folded_from_the_events()
    {
        var handler = _harness.Handler();
        var second = TestEvents.Stream("account");
        await handler.HandleAsync(_stream, [new Open("ann"), new Deposit(5), new Deposit(7)], cancellationToken: Ct);
        await handler.HandleAsync(second, new Open("bob"), cancellationToken: Ct); // capacity 1: the first stream may leave

        var then = await _harness.Load(_stream, atVersion: 2);
        var now = await _harness.Load(_stream);

        Assert.Equal((5m, 2L), (then.State.Balance, then.Version));
        Assert.Equal((12m, 3L), (now.State.Balance, now.Version));
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        _cache.Dispose();
    }

    /// <summary>Passes everything through and notes what each stream read asked for.</summary>
    private sealed class RecordingReads(IEventStore inner, List<StreamReadOptions> reads) : IEventStore
    {
        public Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default) =>
            inner.AppendAsync(streamId, expectedVersion, events, cancellationToken);

        public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, StreamReadOptions options, CancellationToken cancellationToken = default)
        {
            reads.Add(options);
            return inner.ReadStreamAsync(streamId, options, cancellationToken);
        }

        public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default) => inner.GetStreamVersionAsync(streamId, cancellationToken);
    }
}
