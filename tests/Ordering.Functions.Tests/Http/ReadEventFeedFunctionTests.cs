using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EventSourcing.Cosmos.Feed;
using EventSourcing.Feed;
using EventSourcing.Sqlite;
using EventSourcing.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Ordering.Functions.Http;
using Ordering.Functions.Tests.Support;

namespace Ordering.Functions.Tests.Http;

/// <summary>
/// The ReadEventFeed function as the worker activates and calls it: the app's own composition reads the feed from the
/// Cosmos change feed; here (no Cosmos) its reader is replaced by the SQLite one over the same events, so the function's
/// binding to the shared endpoint, its paging and its 400s are what runs.
/// </summary>
public sealed class ReadEventFeedFunctionTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("feed-function-").FullName;
    private readonly SqliteEventStore _store;
    private readonly FunctionsComposition _app;

    public ReadEventFeedFunctionTests(ITestOutputHelper output)
    {
        _store = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = Path.Combine(_directory, "events.db") });
        _app = new FunctionsComposition(output, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IEventFeedReader>(new SqliteFeedReader(_store)));
            services.AddSingleton<IHostApplicationLifetime, ApplicationLifetime>(); // the worker's host provides it
        });
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_app_reads_the_feed_from_the_cosmos_change_feed()
    {
        await using var app = new FunctionsComposition();

        Assert.IsType<CosmosFeedReader>(app.Services.GetRequiredService<IEventFeedReader>());
    }

    [Fact]
    public async Task The_function_pages_the_feed_from_cursor_to_cursor()
    {
        var created = new EventData(Guid.NewGuid(), "OrderCreated", 1, Encoding.UTF8.GetBytes("""{"orderId":"o-1"}"""), EventMetadata.Empty);
        var added = new EventData(Guid.NewGuid(), "ItemAdded", 2, Encoding.UTF8.GetBytes("""{"orderId":"o-1"}"""), EventMetadata.Empty);
        await _store.AppendAsync("order-o-1", ExpectedVersion.NoStream, [created, added], Cancel);
        var functions = _app.Activate<OperationsFunctions>();

        var (status, first) = await Call(functions, "?maxCount=1");
        var (_, second) = await Call(functions, $"?maxCount=1&after={Text(first["next"])}");
        var (outOfBounds, problem) = await Call(functions, "?waitSeconds=31");

        Assert.Equal(HttpStatusCode.OK, status);
        var only = Assert.Single(first["events"]!.AsArray())!;
        Assert.Equal((created.EventId.ToString(), "order-o-1"), (Text(only["eventId"]), Text(only["streamId"])));
        var next = Assert.Single(second["events"]!.AsArray())!;
        Assert.Equal((added.EventId.ToString(), 2), (Text(next["eventId"]), next["schemaVersion"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.BadRequest, outOfBounds);
        Assert.NotNull(problem["errors"]!["waitSeconds"]);
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> Call(OperationsFunctions functions, string query)
    {
        var context = new DefaultHttpContext { RequestServices = _app.Services };
        context.Request.Method = "GET";
        context.Request.Path = "/api/events";
        context.Request.QueryString = new QueryString(query);
        using var body = new MemoryStream();
        context.Response.Body = body;

        await (await functions.Feed(context.Request)).ExecuteAsync(context);

        return ((HttpStatusCode)context.Response.StatusCode, JsonNode.Parse(Encoding.UTF8.GetString(body.ToArray()))!);
    }

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidOperationException("missing");

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _store.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
