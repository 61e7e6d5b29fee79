using System.Globalization;
using EventSourcing.Cosmos.Store;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Cosmos.Tests.Emulator;

/// <summary>
/// What one small append really costs, per kind of append, from the request charges the store records: printed to the
/// test output and, in GitHub Actions, to the job summary, for docs/cosmos-costs.md. The requests are asserted (they
/// are the ones <see cref="Store.AppendRequestsTests"/> counts without Cosmos); the charges only loosely, so a change
/// that makes appends several times dearer fails. Needs Cosmos, else skipped.
/// </summary>
public sealed class RequestChargeProbe
{
    [Fact]
    public async Task Each_kind_of_append_costs_the_requests_the_cost_document_lists()
    {
        var container = (await CosmosEnvironment.DatabaseAsync()).GetContainer(CosmosEnvironment.Names.Events);
        var log = new CapturingLogger();
        var store = new CosmosEventStore(container, logger: new ForwardingLogger<CosmosEventStore>(log));
        var storeWide = new CosmosEventStore(container, new CosmosEventStoreOptions { EventIds = EventIdScope.Store }, new ForwardingLogger<CosmosEventStore>(log));
        var stream = TestEvents.Stream("cost");
        var resent = TestEvents.Many(1);
        var ct = TestContext.Current.CancellationToken;
        var rows = new List<(string Kind, string Requests, double Charge)>();

        // A query answers in one page per partition it visits (so the store-wide one is not asserted: the emulator decides).
        async Task Measure(string kind, string? expected, Func<Task> append)
        {
            var before = log.Entries.Count;
            await append();
            var entries = log.Entries.Skip(before).ToList();
            var calls = entries.Where(e => e.Values.ContainsKey("Operation")).Select(e => (string)e.Values["Operation"]!).ToList();
            var requests = string.Join(" + ", calls.Distinct().Select(c => calls.Count(x => x == c) is var n and > 1 ? $"{c} ×{n}" : c));
            var total = (double)entries.Last(e => e.Message.StartsWith("Append of", StringComparison.Ordinal)).Values["RequestCharge"]!;
            if (expected is not null) Assert.Equal(expected, requests);
            rows.Add((kind, requests, total));
        }

        await Measure("new stream (NoStream), 1 event", "read-tip + append", () => store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Many(1), ct));
        await Measure("exact version, 1 event", "read-tip + append", () => store.AppendAsync(stream, ExpectedVersion.Exact(1), resent, ct));
        await Measure("exact version, 3 events", "read-tip + append", () => store.AppendAsync(stream, ExpectedVersion.Exact(2), TestEvents.Many(3), ct));
        await Measure("Any, 1 event", "read-tip + find-event-ids + append", () => store.AppendAsync(stream, ExpectedVersion.Any, TestEvents.Many(1), ct));
        await Measure("resent exact append (already committed)", "read-tip + find-event-ids", () => store.AppendAsync(stream, ExpectedVersion.Exact(1), resent, ct));
        await Measure("exact version, 1 event, EventIds = Store", null, () => storeWide.AppendAsync(stream, ExpectedVersion.Exact(6), TestEvents.Many(1), ct));

        var table = string.Join(Environment.NewLine, ["| append | requests | RU |", "|---|---|---|",
            .. rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"| {r.Kind} | {r.Requests} | {r.Charge:0.##} |"))]);
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
            await File.AppendAllTextAsync(summary, $"{Environment.NewLine}### Cosmos append costs (emulator){Environment.NewLine}{table}{Environment.NewLine}", ct);
        Assert.All(rows, r => Assert.InRange(r.Charge, 1, 60));
    }

    [Fact]
    public async Task A_checkout_sized_correlation_trace_records_the_request_charge_of_each_page_read()
    {
        var container = (await CosmosEnvironment.DatabaseAsync()).GetContainer(CosmosEnvironment.Names.Events);
        var log = new CapturingLogger();
        var store = new CosmosEventStore(container, logger: new ForwardingLogger<CosmosEventStore>(log));
        var ct = TestContext.Current.CancellationToken;
        var correlation = $"corr-cost-{Guid.NewGuid():N}";
        EventData[] Traced(int count) =>
            [.. Enumerable.Range(0, count).Select(_ => TestEvents.New(metadata: new EventMetadata(correlation, "cause")))];
        // What a checkout of one line writes under its correlation id (a paid checkout of one line on the local host): order 2, stock 2, payment 1, saga history 16.
        foreach (var (stream, events) in new[] { ("order", 2), ("inventory", 2), ("payment", 1), ("saga", 16) })
        {
            var id = TestEvents.Stream($"cost-{stream}");
            await store.AppendAsync(id, ExpectedVersion.NoStream, TestEvents.Many(1), ct); // something of another request first
            foreach (var e in Traced(events)) await store.AppendAsync(id, ExpectedVersion.Any, [e], ct);
        }
        var rows = new List<(string Read, int Requests, double Charge)>();

        async Task<CorrelatedPage> Measure(string read, string? after, int maxCount)
        {
            var before = log.Entries.Count;
            var page = await store.Correlations.ReadCorrelatedAsync(correlation, after, maxCount, ct);
            var calls = log.Entries.Skip(before).Where(e => Equals(e.Values.GetValueOrDefault("Operation"), "trace-correlation")).ToList();
            rows.Add((read, calls.Count, calls.Sum(e => (double)e.Values["RequestCharge"]!)));
            return page;
        }

        var whole = await Measure("whole trace (21 events, maxCount 1000)", null, 1000);
        var first = await Measure("first page of 5 (maxCount 5)", null, 5);
        await Measure("next page of 5 (after the first's cursor)", first.Next, 5);

        Assert.Equal(21, whole.Events.Count);
        Assert.Null(whole.Next);
        Assert.NotNull(first.Next);
        var table = string.Join(Environment.NewLine, ["| trace read | query pages | RU |", "|---|---|---|",
            .. rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"| {r.Read} | {r.Requests} | {r.Charge:0.##} |"))]);
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
            await File.AppendAllTextAsync(summary, $"{Environment.NewLine}### Cosmos correlation trace costs (emulator){Environment.NewLine}{table}{Environment.NewLine}", ct);
        Assert.All(rows, r => Assert.InRange(r.Charge, 1, 200));
    }
}
