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

    // The console's files: under the Functions host's route prefix there, at /console (and / leading to it) on the local host.
    private static readonly HttpRoute ConsoleFunctionRoute = HttpRoute.Of("GET", $"{HttpFunctions.RoutePrefix}/console/{{*path}}");
    private static readonly HttpRoute[] ConsoleLocalRoutes = [HttpRoute.Of("GET", "/console/{**path}"), HttpRoute.Of("GET", "/")];

    [Fact]
    public void The_functions_answer_exactly_the_verbs_and_routes_the_local_host_maps()
    {
        Assert.Contains(ConsoleFunctionRoute, HttpFunctions.All.Select(f => f.Route));
        Assert.Subset(localHost.Routes.ToHashSet(), ConsoleLocalRoutes.ToHashSet());
        SameSet.Assert(HttpFunctions.All.Select(f => f.Route).Where(r => r != ConsoleFunctionRoute), "the Functions app",
            localHost.Routes.Where(r => !ConsoleLocalRoutes.Contains(r)), "the local host");
    }

    [Fact]
    public async Task The_console_function_serves_the_same_page_as_the_local_host()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Path = "/api/console/";
        using var body = new MemoryStream();
        context.Response.Body = body;
        using var client = localHost.CreateClient();

        await ConsoleFunctions.Files(context.Request, null).ExecuteAsync(context);
        var local = await client.GetByteArrayAsync(new Uri("/console/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", context.Response.ContentType);
        Assert.Equal(local, body.ToArray());
    }

    [Fact]
    public async Task The_pinned_openapi_document_describes_exactly_the_function_routes_but_its_own_and_the_consoles()
    {
        var documented = OpenApiDocument.Routes(await File.ReadAllTextAsync(OpenApiDocument.PinnedPath, TestContext.Current.CancellationToken));

        Assert.Contains(DocumentRoute, HttpFunctions.All.Select(f => f.Route));
        SameSet.Assert(HttpFunctions.All.Select(f => f.Route).Where(r => r != DocumentRoute && r != ConsoleFunctionRoute), "the Functions app", documented, "docs/openapi.json");
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
