using System.Net;
using System.Text.Json.Nodes;
using Ordering.Client;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>
/// With Auth:ApiKey set, the generated client gets in with the key its <see cref="ApiKeyHandler"/> sends, and without it
/// meets the 401 as a typed error; and the document's security says which routes need a key exactly as the host does.
/// </summary>
public sealed class TypedClientApiKeyTests : IAsyncDisposable
{
    private const string Key = "client-s3cret";
    private readonly InProcessApi _api = new();

    public TypedClientApiKeyTests() => _api.Settings["Auth:ApiKey"] = Key;

    [Fact]
    public async Task The_typed_client_sends_the_configured_key_and_without_one_gets_a_typed_401()
    {
        var withKey = new OrderingApiClient(_api.CreateDefaultClient(ApiKeyHandler.ForLocalHost(Key)));
        var withoutKey = new OrderingApiClient(_api.CreateClient());

        var created = await withKey.CreateOrderAsync(null, null, new CreateOrderRequest { CustomerId = "cust-key" }, Cancel);
        var refused = await Assert.ThrowsAsync<OrderingApiException<ProblemBody>>(() => withoutKey.GetOrderAsync(created.OrderId, null, null, null, Cancel));

        Assert.Equal("cust-key", (await withKey.GetOrderAsync(created.OrderId, null, null, created.Version, Cancel)).CustomerId);
        Assert.Equal((401, "api-key-required"), (refused.StatusCode, refused.Result.Code));
        Assert.Equal("Healthy", (await withoutKey.GetHealthAsync(Cancel)).Status); // open, as the document says
    }

    [Fact]
    public async Task The_document_asks_for_a_key_on_exactly_the_operations_the_host_refuses_without_one()
    {
        var client = _api.CreateClient();
        var document = await (await client.Get("/api/openapi.json")).Json();
        var mismatches = new List<string>();

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var open = operation!["security"] is JsonArray { Count: 0 };
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", "sample"));
                using var response = await client.SendAsync(request, Cancel);
                if (open == (response.StatusCode == HttpStatusCode.Unauthorized))
                    mismatches.Add($"{method} {path}: the document says {(open ? "open" : "a key")}, the host answered {(int)response.StatusCode} without one");
            }
        }

        Assert.Equal(["apiKey", "functionKey"], document["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)));
        Assert.Contains("/api/health", document["paths"]!.AsObject().Select(p => p.Key));
        Assert.Empty(mismatches);
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
}
