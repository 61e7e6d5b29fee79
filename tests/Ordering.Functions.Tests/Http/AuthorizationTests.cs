using System.Net;
using Microsoft.Azure.Functions.Worker;
using Ordering.Functions.Tests.Support;

namespace Ordering.Functions.Tests.Http;

/// <summary>
/// How the two hosts' keys relate. Azure: every function asks for a function key (AuthorizationLevel.Function) except
/// health, the OpenAPI document, the event catalog and the operator console's files, which probes, client generators,
/// subscribers and a browser's page load fetch without one (Anonymous; the console sends the key with its API calls).
/// The local host, with Auth:ApiKey set, asks for X-Api-Key on the same routes, reads included (streams, dead letters
/// and sagas are for operators). So both hosts open exactly the same routes.
/// </summary>
public sealed class AuthorizationTests(LocalHostApi localHost) : IClassFixture<LocalHostApi>
{
    private static readonly HttpRoute[] OpenInAzure =
    [
        HttpRoute.Of("GET", $"{HttpFunctions.RoutePrefix}/health"),
        HttpRoute.Of("GET", $"{HttpFunctions.RoutePrefix}/openapi.json"),
        HttpRoute.Of("GET", $"{HttpFunctions.RoutePrefix}/catalog"),
        HttpRoute.Of("GET", $"{HttpFunctions.RoutePrefix}/console/{{*path}}"),
    ];

    // Where the local host serves what Azure serves at a route: the same path, but the console's files are at /console.
    private static string LocalUrl(HttpRoute route) =>
        route.Path.StartsWith($"/{HttpFunctions.RoutePrefix}/console/", StringComparison.Ordinal) ? "/console/" : route.SampleUrl;

    [Fact]
    public void Every_function_asks_for_a_function_key_except_health_the_openapi_document_the_catalog_and_the_consoles_files()
    {
        SameSet.Assert(
            HttpFunctions.All.Where(f => f.AuthLevel == AuthorizationLevel.Anonymous).Select(f => f.Route), "Anonymous functions",
            OpenInAzure, "health, the OpenAPI document, the catalog and the console's files");
        var otherLevels = HttpFunctions.All.Where(f => !OpenInAzure.Contains(f.Route) && f.AuthLevel != AuthorizationLevel.Function);

        Assert.Empty(otherLevels.Select(f => $"{f.Name}: {f.AuthLevel}"));
    }

    [Fact]
    public async Task Every_route_the_local_host_refuses_without_its_key_reads_included_asks_for_a_function_key_in_azure()
    {
        using var client = localHost.CreateClient();
        var guarded = HttpFunctions.All.Where(f => !OpenInAzure.Contains(f.Route)).ToList();
        var mismatches = new List<string>();

        foreach (var function in guarded)
        {
            using var request = new HttpRequestMessage(new HttpMethod(function.Route.Method), function.Route.SampleUrl);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.Unauthorized || function.AuthLevel != AuthorizationLevel.Function)
                mismatches.Add($"{function.Route}: local host {(int)response.StatusCode} without a key, Azure {function.AuthLevel}");
        }

        Assert.Contains(guarded, f => f.Route.Method == "GET");
        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task What_azure_serves_without_a_key_the_local_host_serves_without_its_key_too()
    {
        using var client = localHost.CreateClient();

        foreach (var route in OpenInAzure)
        {
            using var response = await client.GetAsync(LocalUrl(route), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: the local host answered {(int)response.StatusCode} without a key");
        }
    }
}
