using System.Text;
using System.Text.Json.Nodes;
using EventSourcing.Store;
using EventSourcing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Ordering.LocalHost.Tests.Scenarios;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>
/// The whole HTTP scenario suite against the local host in memory; after it, every event the scenarios made the host
/// write is checked against the event catalog the host serves.
/// </summary>
[TestCaseOrderer(typeof(RunsLastOrderer))]
public sealed class InProcessScenarios(InProcessApiFixture fixture) : OrderingApiScenarios, IClassFixture<InProcessApiFixture>
{
    protected override HttpClient Client { get; } = fixture.Api.CreateClient();

    [Fact]
    [RunsLast]
    public async Task Every_event_the_scenarios_wrote_matches_the_catalog_schema_of_its_type_and_version()
    {
        var catalog = (await (await Client.Get("/api/catalog")).Json())["events"]!.AsArray()
            .ToDictionary(e => (e!.Value<string>("name"), e!.Value<int>("schemaVersion")), e => e!["schema"]!);
        var feed = fixture.Api.Services.GetRequiredService<IEventFeed>();
        var written = new List<RecordedEvent>();
        for (var page = await feed.ReadAllAsync(1, 1000, TestContext.Current.CancellationToken); page.Count > 0;
             page = await feed.ReadAllAsync(page[^1].Position!.Value + 1, 1000, TestContext.Current.CancellationToken))
            written.AddRange(page);

        var violations = written
            .Select(e => catalog.TryGetValue((e.Type, e.SchemaVersion), out var schema)
                ? SchemaCheck.Violations(schema, Encoding.UTF8.GetString(e.Data.Span)).Select(v => $"{e.StreamId}@{e.StreamVersion} {e.Type} v{e.SchemaVersion}: {v}")
                : [$"{e.StreamId}@{e.StreamVersion}: '{e.Type}' v{e.SchemaVersion} is not in the catalog"])
            .SelectMany(v => v).ToList();

        // Run alone, this test has nothing to check: it belongs with the scenarios, and every ordering event must come up in them.
        var orderingTypes = catalog.Keys.Where(k => !k.Item1.StartsWith("saga.", StringComparison.Ordinal) && k != ("ItemAdded", 1)).ToHashSet();
        Assert.Empty(orderingTypes.Except(written.Select(e => (e.Type, e.SchemaVersion))));
        Assert.Contains(written, e => e.StreamId.StartsWith("saga-", StringComparison.Ordinal));
        Assert.True(violations.Count == 0, $"{violations.Count} stored events do not match the catalog:\n{string.Join("\n", violations.Take(20))}");
    }
}

/// <summary>One in-memory host shared by the scenarios of a class (each scenario uses its own ids).</summary>
public sealed class InProcessApiFixture : IAsyncDisposable
{
    public InProcessApi Api { get; } = new();

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
