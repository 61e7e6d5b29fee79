using Microsoft.AspNetCore.Builder;

namespace Ordering.Benchmarks.Http;

/// <summary>Port 0 on loopback: Kestrel binds a free port, read back once the app has started.</summary>
internal static class FreeLoopback
{
    public const string Url = "http://127.0.0.1:0";

    public static Uri BoundAddress(WebApplication app) => new(app.Urls.Single());
}
