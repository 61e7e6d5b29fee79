using System.Net;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>GET /api/streams: streams by id or prefix, a page at a time, as the console's Streams view finds them.</summary>
public sealed class StreamListingTests : IAsyncDisposable
{
    private readonly InProcessApi _api = new();

    [Fact]
    public async Task Streams_with_a_prefix_come_in_id_order_a_page_at_a_time_with_their_versions_and_last_commit_times()
    {
        var client = _api.CreateClient();
        var checkout = new CheckoutDriver(client);
        var sku = await checkout.GivenStock(5);
        string[] orders = [await checkout.GivenOrder((sku, 1)), await checkout.GivenOrder((sku, 1)), await checkout.GivenOrder((sku, 2))];
        Assert.Equal(HttpStatusCode.OK, (await client.Post($"/api/orders/{orders[0]}/items", new { sku = "pen", quantity = 1, unitPrice = 2m })).StatusCode);
        var expected = orders.Select(o => $"order-{o}").Order(StringComparer.Ordinal).ToArray();

        var first = await (await client.Get("/api/streams?prefix=order-&maxCount=2")).Json();
        var second = await (await client.Get($"/api/streams?prefix=order-&maxCount=2&after={first["next"]}")).Json();
        var inventory = await (await client.Get($"/api/streams?prefix=inventory-{sku}")).Json();
        var everything = await (await client.Get("/api/streams?maxCount=1000")).Json();

        Assert.Equal(expected[..2], first["streams"]!.AsArray().Select(s => s.Value<string>("streamId")));
        Assert.Equal(expected[1], first.Value<string>("next"));
        Assert.Equal(expected[2..], second["streams"]!.AsArray().Select(s => s.Value<string>("streamId")));
        Assert.Null(second["next"]); // a short page is the last one
        var edited = first["streams"]!.AsArray().Concat(second["streams"]!.AsArray()).Single(s => s.Value<string>("streamId") == $"order-{orders[0]}");
        Assert.Equal(3, edited.Value<long>("version")); // created, one line, one more line
        Assert.True(edited.Value<DateTimeOffset>("updatedAt") > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal([$"inventory-{sku}"], inventory["streams"]!.AsArray().Select(s => s.Value<string>("streamId")));
        var all = everything["streams"]!.AsArray().Select(s => s.Value<string>("streamId")).ToList();
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Superset(expected.Append($"inventory-{sku}").ToHashSet(), all.ToHashSet());
    }

    [Fact]
    public async Task A_prefix_nothing_starts_with_lists_no_streams()
    {
        var client = _api.CreateClient();
        await new CheckoutDriver(client).GivenStock(1);

        var page = await (await client.Get("/api/streams?prefix=nothing-starts-so-")).Json();

        Assert.Empty(page["streams"]!.AsArray());
        Assert.Null(page["next"]);
    }

    [Theory]
    [InlineData("maxCount=0", "maxCount")]
    [InlineData("maxCount=1001", "maxCount")]
    [InlineData("maxCount=ten", "maxCount")]
    public async Task A_bad_page_size_is_a_400_problem_naming_it(string queryString, string field)
    {
        var response = await _api.CreateClient().Get($"/api/streams?{queryString}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await response.Json())["errors"]?[field]);
    }

    [Fact]
    public async Task A_prefix_longer_than_any_stream_id_is_a_400_problem()
    {
        var response = await _api.CreateClient().Get($"/api/streams?prefix={new string('x', 201)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Json())["errors"]?["prefix"]);
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();
}
