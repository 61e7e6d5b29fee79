using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Ordering.Functions.Http;
using Ordering.Functions.Tests.Support;

namespace Ordering.Functions.Tests.Http;

/// <summary>
/// One API, two hosts: every HTTP function is a route of the local host and of docs/openapi.json, and every route of
/// theirs is a function. A route added to one host and not the other fails here, named, with the side that lacks it.
/// </summary>
public sealed class RouteTableTests(LocalHostApi localHost) : IClassFixture<LocalHostApi>
{
    // The document describes the API, not the route that serves it.
    private static readonly HttpRoute DocumentRoute = HttpRoute.Of("GET", $"{HttpFunctions.RoutePrefix}/openapi.json");

    [Fact]
    public void The_functions_answer_exactly_the_verbs_and_routes_the_local_host_maps()
    {
        SameSet.Assert(HttpFunctions.All.Select(f => f.Route), "the Functions app", localHost.Routes, "the local host");
    }

    [Fact]
    public async Task The_pinned_openapi_document_describes_exactly_the_function_routes_but_its_own()
    {
        var documented = OpenApiDocument.Routes(await File.ReadAllTextAsync(OpenApiDocument.PinnedPath, TestContext.Current.CancellationToken));

        Assert.Contains(DocumentRoute, HttpFunctions.All.Select(f => f.Route));
        SameSet.Assert(HttpFunctions.All.Select(f => f.Route).Where(r => r != DocumentRoute), "the Functions app", documented, "docs/openapi.json");
    }

    [Fact]
    public void No_two_functions_answer_the_same_verb_and_route()
    {
        // The host would pick one of them per request; the local host cannot even map them twice.
        var shared = HttpFunctions.All.GroupBy(f => f.Route).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(f => f.Name))}");

        Assert.Empty(shared);
    }

    [Fact]
    public async Task The_openapi_function_serves_the_pinned_document_as_it_is()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var body = new MemoryStream();
        context.Response.Body = body;

        await OperationsFunctions.OpenApi(context.Request).ExecuteAsync(context);

        Assert.Equal("application/json", context.Response.ContentType);
        Assert.Equal(await File.ReadAllBytesAsync(OpenApiDocument.PinnedPath, TestContext.Current.CancellationToken), body.ToArray());
    }
}
