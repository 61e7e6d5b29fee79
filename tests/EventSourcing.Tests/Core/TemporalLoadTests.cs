using EventSourcing.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Tests.Core;

public sealed class TemporalLoadTests : IAsyncDisposable
{
    // The store stamps events from a clock only the test moves, so "before" and "after" an instant are certain.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly AccountHarness _harness;

    public TemporalLoadTests() => _harness = new(durable: false, clock: _clock);

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task State_as_of_a_version_or_an_instant_is_folded_from_the_events_up_to_it()
    {
        var stream = TestEvents.Stream("account");
        var handler = _harness.Handler();
        await handler.HandleAsync(stream, new Deposit(10));
        await handler.HandleAsync(stream, new Deposit(20));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var afterTwo = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(1));
        await handler.HandleAsync(stream, new Withdraw(5));

        Assert.Equal((10m, 1L), Summary(await _harness.Load(stream, atVersion: 1)));
        Assert.Equal((30m, 2L), Summary(await _harness.Load(stream, asOf: afterTwo)));
        Assert.Equal((25m, 3L), Summary(await _harness.Load(stream)));
        Assert.Equal((0m, 0L), Summary(await _harness.Load(stream, asOf: afterTwo.AddDays(-1))));
    }

    [Fact]
    public async Task A_missing_stream_loads_as_the_initial_state_at_version_zero()
    {
        var loaded = await _harness.Load(TestEvents.Stream("account"));

        Assert.Equal((Decider.Initial, 0L), (loaded.State, loaded.Version));
    }

    private static (decimal, long) Summary(EventSourcing.Deciders.LoadedState<State> loaded) => (loaded.State.Balance, loaded.Version);
}
