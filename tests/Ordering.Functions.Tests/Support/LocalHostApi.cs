extern alias LocalHost;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ordering.Functions.Tests.Support;

/// <summary>
/// The local host in memory (its real Program, on SQLite in a directory of its own), configured as a shared machine
/// would run it: with an API key, so its auth rule can be compared with the Functions app's.
/// </summary>
public sealed class LocalHostApi : WebApplicationFactory<LocalHost::Program>
{
    public const string ApiKey = "functions-tests-key";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ordering-functions-tests-").FullName;

    /// <summary>Every route the host maps, from its endpoint data source: what it answers, not what its code looks like.</summary>
    internal IReadOnlyList<HttpRoute> Routes =>
    [
        .. from endpoint in Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
           from method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]
           select HttpRoute.Of(method, endpoint.RoutePattern.RawText ?? ""),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:DataDirectory", _dataDirectory);
        builder.UseSetting("Auth:ApiKey", ApiKey);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
