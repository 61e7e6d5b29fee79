using System.Net;
using Microsoft.Extensions.Time.Testing;
using Ordering.Checkout;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>GET /api/sagas: the embedded runner's instances by status, a page at a time, as the console's Sagas view lists them.</summary>
public sealed class SagaListingTests : IAsyncDisposable
{
    private readonly InProcessApi _api = new();

    [Fact]
    public async Task Sagas_are_listed_by_status_with_their_reason_and_pages_follow_the_token()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _api.Clock = clock;
        var client = _api.CreateClient();
        var checkout = new CheckoutDriver(client);
        var sku = await checkout.GivenStock(10);
        var paid = await checkout.GivenOrder((sku, 1));
        var waiting = await checkout.GivenOrder((sku, 1));
        var refused = await checkout.GivenOrder((sku, 1));
        foreach (var order in new[] { paid, waiting, refused }) await checkout.CheckoutAwaitingPayment(order);
        Assert.Equal(HttpStatusCode.Accepted, (await client.Post($"/api/payments/{paid}/confirm", new { amount = 10m })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.Post($"/api/payments/{refused}/fail", new { reason = "card declined" })).StatusCode);
        await checkout.Finished($"/api/sagas/{CheckoutSaga.InstanceId(paid)}");
        await checkout.Finished($"/api/sagas/{CheckoutSaga.InstanceId(refused)}");

        var running = await (await client.Get("/api/sagas?status=Running")).Json();
        var compensated = await (await client.Get("/api/sagas?status=compensated")).Json();
        var completed = await (await client.Get("/api/sagas?status=Completed")).Json();
        var firstPage = await (await client.Get("/api/sagas?maxCount=2")).Json();
        var secondPage = await (await client.Get($"/api/sagas?maxCount=2&continuationToken={firstPage.Value<string>("continuationToken")}")).Json();

        Assert.Equal([CheckoutSaga.InstanceId(waiting)], Ids(running));
        Assert.Equal([CheckoutSaga.InstanceId(refused)], Ids(compensated));
        Assert.Equal("payment failed: card declined", compensated["items"]![0].Value<string>("reason"));
        Assert.Equal([CheckoutSaga.InstanceId(paid)], Ids(completed));
        Assert.Equal(CheckoutSaga.Name, completed["items"]![0].Value<string>("name"));
        string[] all = [.. new[] { paid, waiting, refused }.Select(CheckoutSaga.InstanceId).Order(StringComparer.Ordinal)];
        Assert.Equal(all[..2], Ids(firstPage));
        Assert.Equal(all[2..], Ids(secondPage).Take(1));
    }

    [Fact]
    public async Task A_running_checkouts_timer_shows_when_it_is_due()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _api.Clock = clock;
        var client = _api.CreateClient();
        var checkout = new CheckoutDriver(client);
        var order = await checkout.GivenOrder((await checkout.GivenStock(1), 1));

        var saga = await checkout.SagaAt(await checkout.Checkout(order), s => s["steps"]!.AsArray().Any(step => step.Value<string>("kind") == "timer"));

        var timer = saga["steps"]!.AsArray().Single(step => step.Value<string>("kind") == "timer");
        Assert.Equal("created", timer.Value<string>("status"));
        Assert.Equal(timer.Value<DateTimeOffset>("at") + TimeSpan.FromMinutes(15), timer.Value<DateTimeOffset>("dueAt"));
    }

    [Theory]
    [InlineData("status=Sleeping", "status")]
    [InlineData("maxCount=0", "maxCount")]
    [InlineData("maxCount=101", "maxCount")]
    [InlineData("continuationToken=a%2Fb", "continuationToken")]
    public async Task Bad_listing_values_are_a_400_problem_naming_them(string queryString, string field)
    {
        var response = await _api.CreateClient().Get($"/api/sagas?{queryString}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await response.Json())["errors"]?[field]);
    }

    private static string[] Ids(System.Text.Json.Nodes.JsonNode page) => [.. page["items"]!.AsArray().Select(s => s.Value<string>("sagaId"))];

    public ValueTask DisposeAsync() => _api.DisposeAsync();
}
