using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventSourcing.Catalog;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Http.Pipeline;
using EventSourcing.Http.Reads;
using EventSourcing.Serialization;
using EventSourcing.Snapshots;
using EventSourcing.Store;
using EventSourcing.Tests.Support;
using Ordering.Contracts;
using Ordering.Contracts.Orders;
using Ordering.LocalHost.Tests.InProcess;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.Contracts;

/// <summary>
/// docs/envelopes: the schemas of what subscribers receive around an event's data, generated from the C# types that
/// write it and committed beside the catalog (docs/asyncapi.yaml references both). UPDATE_CATALOG=1 rewrites them.
/// </summary>
public sealed class EnvelopeSchemaTests
{
    private static readonly EventCatalog Catalog = OrderingEventCatalog.Create();
    private static readonly EventSerializer Serializer = new(OrderingEventTypes.Create());
    private static readonly DateTimeOffset At = new(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(1));

    [Fact]
    public void The_committed_docs_envelopes_are_the_schemas_the_code_generates()
    {
        var generated = Generated();
        var folder = Folder();
        if (Environment.GetEnvironmentVariable("UPDATE_CATALOG") == "1")
        {
            Directory.CreateDirectory(folder);
            foreach (var stale in Committed().Keys.Except(generated.Keys)) File.Delete(Path.Combine(folder, stale));
            foreach (var (name, content) in generated) File.WriteAllText(Path.Combine(folder, name), content);
        }

        var committed = Committed();
        var differing = generated.Keys.Union(committed.Keys).Order(StringComparer.Ordinal)
            .Where(name => !committed.TryGetValue(name, out var text) || !generated.TryGetValue(name, out var fresh) || text != fresh).ToList();
        Assert.True(differing.Count == 0,
            $"docs/envelopes differs from the generated schemas in {string.Join(", ", differing)}: review the change, then run " +
            "UPDATE_CATALOG=1 dotnet test tests/Ordering.LocalHost.Tests --filter FullyQualifiedName~EnvelopeSchemaTests.");
    }

    [Fact]
    public void Commits_tips_and_snapshots_as_the_cosmos_store_writes_them_match_their_schemas_and_kind_tells_them_apart()
    {
        var events = new[]
        {
            Serializer.Serialize(new OrderCreated("o1", "c1", "EUR", At), Guid.NewGuid(), new EventMetadata("corr-1", "req-1")),
            Serializer.Serialize(new ItemAdded("o1", "book-1", 2, 9.5m, "EUR"), Guid.NewGuid(), new EventMetadata("corr-1", null, new Dictionary<string, string> { ["source"] = "test" })),
        };
        var documents = new Dictionary<string, string>
        {
            [CosmosDocumentSchemas.CommitFile] = AsChangeFeedDelivers(DocumentMapper.ToCommit("order-o1", 1, At, events)),
            [CosmosDocumentSchemas.TipFile] = AsChangeFeedDelivers(DocumentMapper.ToTip("order-o1", 2, At)),
            [CosmosDocumentSchemas.SnapshotFile] = AsChangeFeedDelivers(DocumentMapper.ToDocument(new Snapshot("order-o1", 2, "OrderState", 1, """{"status":"Draft"}"""u8.ToArray(), At))),
        };

        foreach (var (file, json) in documents)
        {
            Assert.Empty(SchemaCheck.ViolationsOfFile(Path.Combine(Folder(), file), json));
            Assert.Empty(SchemaCheck.ViolationsOfFile(Path.Combine(Folder(), CosmosDocumentSchemas.DocumentFile), json));
            // Exactly one kind fits each document: that is what oneOf in cosmos-document.schema.json needs.
            Assert.Equal([file], documents.Keys.Where(other => SchemaCheck.ViolationsOfFile(Path.Combine(Folder(), other), json).Count == 0));
        }
        var commit = JsonNode.Parse(documents[CosmosDocumentSchemas.CommitFile])!;
        commit["events"]![0]!["version"] = "1";
        Assert.NotEmpty(SchemaCheck.ViolationsOfFile(Path.Combine(Folder(), CosmosDocumentSchemas.CommitFile), commit.ToJsonString()));
    }

    [Fact]
    public async Task A_page_of_the_http_feed_matches_its_schema_each_event_data_the_catalog_schema_of_its_type_and_version()
    {
        await using var api = new InProcessApi();
        var client = api.CreateClient();
        var created = await client.Post("/api/orders", new { customerId = "c-1", currency = "EUR", items = new[] { new { sku = "book-1", quantity = 2, unitPrice = 9.5m } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var response = await client.Get("/api/events?maxCount=1000");
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var schemaFile = Path.Combine(Folder(), FeedPageFile);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(JsonNode.Parse(page)!["events"]!.AsArray(), e => e!.Value<string>("type") == "ItemAdded");
        Assert.Empty(SchemaCheck.ViolationsOfFile(schemaFile, page));
        // The page's own members are right, but one event's data is not what its type and version say.
        var tampered = JsonNode.Parse(page)!;
        tampered["events"]!.AsArray().First(e => e!.Value<string>("type") == "OrderCreated")!["data"]!.AsObject().Remove("customerId");
        Assert.NotEmpty(SchemaCheck.ViolationsOfFile(schemaFile, tampered.ToJsonString()));
    }

    private const string FeedPageFile = "feed-page.schema.json";

    private const string Readme = """
        # Envelopes

        What a subscriber receives around each event's `data`, whose schemas are the event catalog ([../events](../events)).
        Generated from the C# types that write them (JSON Schema draft 2020-12) by `EnvelopeSchemaTests`; do not edit:
        `UPDATE_CATALOG=1 dotnet test tests/Ordering.LocalHost.Tests --filter FullyQualifiedName~EnvelopeSchemaTests` rewrites
        them. [../asyncapi.yaml](../asyncapi.yaml) describes the channels they come through.

        | schema | what |
        |---|---|
        | [cosmos-document.schema.json](cosmos-document.schema.json) | any document of the Cosmos DB container `events`, as its change feed (ChangeFeedProcessor, CosmosDBTrigger) delivers it: one of the three below, told apart by `kind` |
        | [cosmos-commit.schema.json](cosmos-commit.schema.json) | `kind: "commit"`: one append to a stream, its `events` in version order (`data` is the event's JSON as text), written once; the only kind that carries events (`CommitDocument`) |
        | [cosmos-tip.schema.json](cosmos-tip.schema.json) | `kind: "tip"`: the stream's version and last commit time, replaced by every append; skip it (`TipDocument`) |
        | [cosmos-snapshot.schema.json](cosmos-snapshot.schema.json) | `kind: "snapshot"`: the stream's latest state snapshot; skip it (`SnapshotDocument`) |
        | [feed-page.schema.json](feed-page.schema.json) | a page of the HTTP feed `GET /api/events`: `{events, next}`, each event the audit trail's envelope plus its `streamId` (`EventFeedPage`) |

        Each event's `data` is held to the catalog's schema for its `type` and `schemaVersion`; a name or version the catalog
        does not list is newer than this copy of it and passes. Envelopes are open: Cosmos adds its own members (`_rid`,
        `_etag`, `_ts`, `_lsn`), and the API may add members to a page or an event.
        """;

    /// <summary>The schemas by file name, as their files hold them.</summary>
    private static Dictionary<string, string> Generated()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { ["README.md"] = Readme };
        var eventText = EventCatalogDocuments.DataByTypeAndVersion(Catalog, "../events/", dataIsJsonText: true);
        foreach (var (file, schema) in CosmosDocumentSchemas.Create(eventText)) files[file] = EventCatalogDocuments.SchemaText(schema);
        files[FeedPageFile] = EventCatalogDocuments.SchemaText(FeedPage());
        return files;
    }

    /// <summary>The feed's page as the API writes it (ApiJson: nulls left out), each event's data held to the catalog.</summary>
    private static JsonObject FeedPage()
    {
        var exported = WrittenJsonSchema.For(typeof(EventFeedPage), ApiJson.Options, closed: false);
        var schema = new JsonObject
        {
            ["$schema"] = WrittenJsonSchema.Dialect,
            ["title"] = "A page of the HTTP feed",
            ["description"] = "GET /api/events: events in commit order, each exactly once across pages, and the cursor to read on from.",
        };
        foreach (var (key, value) in exported.ToList())
        {
            exported.Remove(key);
            schema[key] = value;
        }
        var properties = schema["properties"]!.AsObject();
        properties["next"]!.AsObject()["description"] = "The opaque cursor to pass as `after` for the next page; set on an empty page too.";
        var feedEvent = properties["events"]!["items"]!.AsObject();
        // Any JSON to the exporter (a JsonElement); what it holds is said below, per type and version.
        feedEvent["properties"]!["data"] = new JsonObject { ["description"] = "The event's data as stored (never upcast): the event catalog's schema for its type and schemaVersion." };
        feedEvent["properties"]!["position"]!.AsObject()["description"] = "The event's global position where the store has one (SQLite); absent on Cosmos DB.";
        feedEvent["allOf"] = EventCatalogDocuments.DataByTypeAndVersion(Catalog, "../events/");
        return schema;
    }

    /// <summary>A document as the container holds it, with the members Cosmos adds of its own.</summary>
    private static string AsChangeFeedDelivers<TDocument>(TDocument document)
    {
        var json = JsonSerializer.SerializeToNode(document, CosmosJson.Options)!.AsObject();
        json["_rid"] = "AAAAAA==";
        json["_etag"] = "\"00000000-0000-0000-0000-000000000000\"";
        json["_ts"] = 1741940813;
        json["_lsn"] = 7;
        return json.ToJsonString();
    }

    private static string Folder() => Path.Combine(RepositoryRoot(), "docs", "envelopes");

    private static Dictionary<string, string> Committed() =>
        Directory.Exists(Folder())
            ? Directory.EnumerateFiles(Folder()).ToDictionary(file => Path.GetFileName(file), file => File.ReadAllText(file), StringComparer.Ordinal)
            : [];

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functions.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Functions.sln not found above the test binaries.");
    }
}
