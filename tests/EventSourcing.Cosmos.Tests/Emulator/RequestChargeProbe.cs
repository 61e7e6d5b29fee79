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
}
