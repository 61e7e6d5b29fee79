using Ordering.Http.Endpoints;

namespace Ordering.LocalHost;

/// <summary>The operator console at /console (its files are open; the API it calls is not), and the root leading there.</summary>
internal static class ConsoleRoutes
{
    public static void MapOperatorConsole(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/console/")).ExcludeFromDescription();
        app.MapGet("/console/{**path}", ConsoleEndpoints.File).ExcludeFromDescription();
    }
}
