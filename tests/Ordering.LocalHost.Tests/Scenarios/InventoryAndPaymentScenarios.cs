using System.Net;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.Scenarios;

public abstract partial class OrderingApiScenarios
{
    [Fact]
    public async Task Restocking_a_sku_raises_what_is_on_hand_and_available()
    {
        var sku = NewId("sku");

        var first = await Client.Post($"/api/inventory/{sku}/restock", new { quantity = 5 });
        var second = await Client.Post($"/api/inventory/{sku}/restock", new { quantity = 7 });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await second.Json();
        Assert.Equal((sku, 12, 2L), (body.Value<string>("sku"), body.Value<int>("available"), body.Value<long>("version")));
        await Eventually(async () => (await Client.Get($"/api/inventory/{sku}")).StatusCode == HttpStatusCode.OK
            && (await (await Client.Get($"/api/inventory/{sku}")).Json()).Value<long>("version") == 2);
        var level = await (await Client.Get($"/api/inventory/{sku}")).Json();
        Assert.Equal((12, 0, 12), (level.Value<int>("onHand"), level.Value<int>("reserved"), level.Value<int>("available")));
    }

    [Fact]
    public async Task A_restock_of_no_stock_is_400_and_an_unknown_sku_404()
    {
        var sku = NewId("sku");

        await AssertProblem(await Client.Post($"/api/inventory/{sku}/restock", new { quantity = 0 }), HttpStatusCode.BadRequest);
        await AssertProblem(await Client.Post($"/api/inventory/{sku}/restock", new { }), HttpStatusCode.BadRequest);
        await AssertProblem(await Client.Get($"/api/inventory/{sku}"), HttpStatusCode.NotFound);
        Assert.Equal(0, await StreamVersion($"inventory-{sku}"));
    }

    [Fact]
    public async Task Payment_callbacks_are_accepted_and_recorded_on_the_payment_stream()
    {
        var (confirmed, _, _) = await GivenOrder(Line("sku-a"));
        var (failed, _, _) = await GivenOrder(Line("sku-a"));

        var confirm = await Client.Post($"/api/payments/{confirmed}/confirm", new { amount = 10m });
        var fail = await Client.Post($"/api/payments/{failed}/fail", new { reason = "card declined" });

        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, fail.StatusCode);
        var events = (await (await Client.Get($"/api/streams/payment-{failed}/events")).Json())["events"]!.AsArray();
        Assert.Equal("PaymentFailed", events[^1]!.Value<string>("type"));
        await AssertProblem(await Client.Post($"/api/payments/{confirmed}/confirm", new { }), HttpStatusCode.BadRequest);
    }
}
