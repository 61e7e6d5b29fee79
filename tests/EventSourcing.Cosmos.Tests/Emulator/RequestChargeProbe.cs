using EventSourcing.Cosmos.Store;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Store;
using EventSourcing.Tests.Support;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Tests.Emulator;

/// <summary>
/// What one small append really costs, against docs/cosmos-costs.md's estimate of about 14-17 RU: printed to the test
/// output and bounded loosely, so a change that makes appends several times dearer fails. Needs Cosmos, else skipped.
/// </summary>
public sealed class RequestChargeProbe
{
    [Fact]
    public async Task A_small_append_costs_about_what_the_cost_estimate_says()
    {
        var log = new CapturingLogger();
        var store = new CosmosEventStore((await CosmosEnvironment.DatabaseAsync()).GetContainer(CosmosEnvironment.Names.Events),
            logger: new ForwardingLogger<CosmosEventStore>(log));
        var stream = TestEvents.Stream("cost");
        await store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Many(1), TestContext.Current.CancellationToken);

        await store.AppendAsync(stream, ExpectedVersion.Exact(1), TestEvents.Many(1), TestContext.Current.CancellationToken);

        var total = (double)log.Entries.Last(e => e.Message.StartsWith("Append of", StringComparison.Ordinal)).Values["RequestCharge"]!;
        TestContext.Current.TestOutputHelper?.WriteLine($"A one-event append to an existing stream cost {total:0.##} RU.");
        Assert.InRange(total, 5, 60);
    }

    private sealed class ForwardingLogger<T>(ILogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
