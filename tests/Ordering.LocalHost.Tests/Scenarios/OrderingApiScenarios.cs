using System.Net;
using System.Text.Json.Nodes;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.Scenarios;

/// <summary>
/// The HTTP contract of shared/API.md as Given / When / Then scenarios over plain HTTP, so the same suite
/// runs against the local host in memory, a real local host process, or any base URL (the Functions app).
/// Every scenario uses ids of its own, so scenarios can share one backend.
/// </summary>
public abstract partial class OrderingApiScenarios
{
    protected abstract HttpClient Client { get; }

    /// <summary>Why this backend cannot rebuild a projection, or null when it can.</summary>
    protected virtual string? RebuildUnsupported => null;

    /// <summary>How long a rebuild may take to take over (a bound on a failing wait, not a speed target).</summary>
    protected virtual int RebuildSeconds => 30;

    protected static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Given an order for a new customer, optionally with lines.</summary>
    protected async Task<(string OrderId, string CustomerId, long Version)> GivenOrder(params object[] items)
    {
        var customerId = NewId("cust");
        var response = await Client.Post("/api/orders", new { customerId, currency = "EUR", items });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        return (body.Value<string>("orderId"), customerId, body.Value<long>("version"));
    }

    protected static object Line(string sku, int quantity = 1, decimal unitPrice = 10m) => new { sku, quantity, unitPrice };

    /// <summary>The order's read model once it has caught up with <paramref name="version"/>.</summary>
    protected async Task<JsonNode> OrderAt(string orderId, long version)
    {
        var response = await Client.Get($"/api/orders/{orderId}?minVersion={version}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", response.Header("X-Read-Model-Stale"));
        return await response.Json();
    }

    /// <summary>How many events the stream holds (0 when it does not exist).</summary>
    protected async Task<long> StreamVersion(string streamId)
    {
        var response = await Client.Get($"/api/streams/{streamId}/events?maxCount=1");
        return response.StatusCode == HttpStatusCode.NotFound ? 0 : (await response.Json()).Value<long>("version");
    }

    /// <summary>Waits (up to 30 s, a bound on failure only) for an eventually consistent read to hold.</summary>
    protected static Task Eventually(Func<Task<bool>> condition) => CheckoutDriver.Eventually(condition);

    protected static Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? code = null) =>
        AssertProblemOf(response, status, code);

    /// <summary>That <paramref name="response"/> is problem details with <paramref name="status"/> and, if given, <paramref name="code"/>.</summary>
    public static async Task AssertProblemOf(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)status, problem.Value<int>("status"));
        Assert.False(string.IsNullOrEmpty(problem.Value<string>("title")));
        if (code is not null) Assert.Equal(code, problem.Value<string>("code"));
    }
}
