using System.Net;
using Ordering.LocalHost.Tests.InProcess;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.Cosmos;

/// <summary>The host on Cosmos with the account out of reach: it starts, says so, and answers what needs no account.</summary>
public sealed class CosmosUnreachableTests : IAsyncDisposable
{
    private readonly InProcessApi _api = new();

    public CosmosUnreachableTests()
    {
        _api.Settings["Store:Provider"] = "Cosmos";
        // Nothing listens on port 9: every Cosmos call fails fast with a connection error.
        _api.Settings["CosmosDb"] = "AccountEndpoint=https://127.0.0.1:9/;AccountKey=a2V5;";
    }

    [Fact]
    public async Task Rebuilding_is_supported_but_needs_the_account_and_an_unknown_projection_is_a_404()
    {
        var client = _api.CreateClient();

        var rebuild = await client.Post("/api/projections/order-details/rebuild");
        var unknown = await client.Post("/api/projections/no-such-projection/rebuild");

        // Not 501 any more: the host runs rebuilds, but recording one needs the account, so it fails as any store call does.
        Assert.Equal((HttpStatusCode.InternalServerError, "internal-error"), (rebuild.StatusCode, (await rebuild.Json()).Value<string>("code")));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Health_reports_the_store_unreachable_with_503()
    {
        var health = await _api.CreateClient().Get("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("unreachable", (await health.Json()).Value<string>("store"));
    }

    [Fact]
    public async Task The_feed_answers_503_store_unavailable_and_still_refuses_bad_cursors_with_400()
    {
        var client = _api.CreateClient();

        var feed = await client.Get("/api/events?maxCount=10");
        var sqliteCursor = await client.Get("/api/events?after=eyJ2IjoxLCJzIjoic3FsaXRlIiwicCI6eyJwIjozfX0"); // {"v":1,"s":"sqlite","p":{"p":3}}

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "store-unavailable"), (feed.StatusCode, (await feed.Json()).Value<string>("code")));
        Assert.Equal(HttpStatusCode.BadRequest, sqliteCursor.StatusCode);
        Assert.Contains("sqlite", (await sqliteCursor.Json()).Value<string>("detail"), StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();
}
