using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Ordering.LocalHost.Tests.Scenarios;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>
/// With an API key set, the local host lets nothing through without it but what probes and client generators fetch:
/// (health, the OpenAPI document, the event catalog): operational reads (streams, projections, dead letters, sagas) hold
/// what only operators should see.
/// </summary>
public sealed class ApiKeyTests : IAsyncDisposable
{
    private const string Key = "s3cret";
    // The console's page and files hold no data (the API calls they make send the key), so a browser can load them first.
    private static readonly string[] Open = ["GET /api/health", "GET /api/openapi.json", "GET /api/catalog", "GET /", "GET /console/{**path}"];
    private readonly InProcessApi _api = new();

    public ApiKeyTests() => _api.Settings["Auth:ApiKey"] = Key;

    [Fact]
    public async Task Every_route_but_health_the_openapi_document_the_catalog_and_the_consoles_files_needs_the_key_reads_included()
    {
        var client = _api.CreateClient();
        var routes = Routes().Where(r => !Open.Contains($"{r.Method} {r.Pattern}")).ToList();
        var let = new List<string>();

        foreach (var (method, pattern) in routes)
        {
            using var without = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), SampleUrl(pattern)), Cancel);
            using var wrong = await client.SendAsync(WithKey(method, pattern, "guess"), Cancel);
            if (without.StatusCode != HttpStatusCode.Unauthorized || wrong.StatusCode != HttpStatusCode.Unauthorized)
                let.Add($"{method} {pattern}: {(int)without.StatusCode} without the key, {(int)wrong.StatusCode} with a wrong one");
        }

        Assert.Contains(routes, r => r.Method == "GET" && r.Pattern == "/api/projections/{name}/deadletters");
        Assert.Contains(routes, r => r.Method == "GET" && r.Pattern == "/api/streams/{streamId}/events");
        Assert.Contains(routes, r => r.Method == "GET" && r.Pattern == "/api/correlations/{correlationId}/events");
        Assert.Empty(let);
        await OrderingApiScenarios.AssertProblemOf(await client.Get("/api/projections"), HttpStatusCode.Unauthorized, "api-key-required");
    }

    [Fact]
    public async Task With_the_key_every_route_answers_and_health_the_openapi_document_and_the_catalog_need_none()
    {
        var client = _api.CreateClient();
        var refused = new List<string>();

        foreach (var (method, pattern) in Routes())
        {
            using var response = await client.SendAsync(WithKey(method, pattern, Key), Cancel);
            if (response.StatusCode == HttpStatusCode.Unauthorized) refused.Add($"{method} {pattern}");
        }
        var health = await client.Get("/api/health");
        var openApi = await client.Get("/api/openapi.json");
        var catalog = await client.Get("/api/catalog");

        Assert.Empty(refused);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (health.StatusCode, openApi.StatusCode, catalog.StatusCode));
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private List<(string Method, string Pattern)> Routes() =>
    [
        .. from endpoint in _api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
           from method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []
           select (method, "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/')),
    ];

    private static HttpRequestMessage WithKey(string method, string pattern, string key)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), SampleUrl(pattern));
        request.Headers.Add("X-Api-Key", key);
        return request;
    }

    private static string SampleUrl(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, "{[^}]+}", "sample");
}
