using EventSourcing.Http.Pipeline;
using EventSourcing.Projections;
using Microsoft.AspNetCore.Http;

namespace EventSourcing.Http.Endpoints;

/// <summary>Projection status, rebuilds and dead letters, over whichever <see cref="IProjectionRuntime"/> the host runs.</summary>
public static class ProjectionEndpoints
{
    /// <summary>GET: every projection with its version, checkpoint and lag.</summary>
    public static Task<IResult> Projections(HttpRequest request, ApiPipeline api, IProjectionRuntime runner) =>
        api.QueryAsync(request, async ct => ApiResponse.Ok(await runner.GetStatusAsync(ct)));

    /// <summary>POST: starts rebuilding a projection into a new version (202; 404 for an unknown name, 501 where the runtime cannot).</summary>
    public static Task<IResult> Rebuild(HttpRequest request, string name, ApiPipeline api, IProjectionRuntime runner) =>
        api.CommandAsync(request, async (_, ct) =>
        {
            var version = await runner.RebuildAsync(name, ct);
            return ApiResponse.Accepted(new ProjectionRebuildStarted(name, version, "/api/projections"));
        });

    /// <summary>GET: the events a projection failed on.</summary>
    public static Task<IResult> DeadLetters(HttpRequest request, string name, ApiPipeline api, IProjectionRuntime runner) =>
        api.QueryAsync(request, async ct => ApiResponse.Ok(await runner.GetDeadLettersAsync(name, ct)));

    /// <summary>POST: applies a projection's parked events again.</summary>
    public static Task<IResult> RetryDeadLetters(HttpRequest request, string name, ApiPipeline api, IProjectionRuntime runner) =>
        api.CommandAsync(request, async (_, ct) => ApiResponse.Ok(await runner.RetryDeadLettersAsync(name, ct)));
}
