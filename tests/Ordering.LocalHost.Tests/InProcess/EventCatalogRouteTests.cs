using System.Net;
using System.Text.Json.Nodes;
using EventSourcing.Tests.Support;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>GET /api/catalog serves what docs/events commits: every stored name and version, its schema, example and meaning.</summary>
public sealed class EventCatalogRouteTests(InProcessApiFixture fixture) : IClassFixture<InProcessApiFixture>
{
    [Fact]
    public async Task The_catalog_serves_every_committed_schema_as_committed_with_an_example_it_accepts_and_a_meaning()
    {
        var response = await fixture.Api.CreateClient().Get("/api/catalog");
        var events = (await response.Json())["events"]!.AsArray();
        var folder = Path.Combine(RepositoryRoot(), "docs", "events");
        var committed = Directory.EnumerateFiles(folder, "*.schema.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(committed, events.Select(e => e!.Value<string>("schemaFile")).Order(StringComparer.Ordinal));
        foreach (var entry in events.Select(e => e!))
        {
            var file = entry.Value<string>("schemaFile");
            var pinned = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, file), TestContext.Current.CancellationToken));
            Assert.True(JsonNode.DeepEquals(pinned, entry["schema"]), file);
            Assert.Empty(SchemaCheck.Violations(entry["schema"]!, entry["example"]!.ToJsonString()));
            Assert.False(string.IsNullOrWhiteSpace(entry.Value<string>("description")), file);
        }
        Assert.Contains(events, e => e!.Value<string>("name") == "ItemAdded" && e.Value<int>("schemaVersion") == 1 && !e.Value<bool>("current"));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functions.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Functions.sln not found above the test binaries.");
    }
}
