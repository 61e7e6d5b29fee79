using EventSourcing.Projections;
using EventSourcing.Store;
using Microsoft.AspNetCore.Http;
using Ordering.Http.Pipeline;

namespace Ordering.Http.Endpoints;

/// <summary>Projection status, rebuilds and dead letters; liveness and readiness.</summary>
public static class OperationsEndpoints
{
    public static Task<IResult> Projections(HttpRequest request, ApiPipeline api, IProjectionRuntime runner) =>
        api.QueryAsync(request, async ct => ApiResponse.Ok(await runner.GetStatusAsync(ct)));

    public static Task<IResult> Rebuild(HttpRequest request, string name, ApiPipeline api, IProjectionRuntime runner) =>
        api.CommandAsync(request, async (_, ct) =>
        {
            var version = await runner.RebuildAsync(name, ct);
            return ApiResponse.Accepted(new ProjectionRebuildStarted(name, version, "/api/projections"));
        });

    public static Task<IResult> DeadLetters(HttpRequest request, string name, ApiPipeline api, IProjectionRuntime runner) =>
        api.QueryAsync(request, async ct => ApiResponse.Ok(await runner.GetDeadLettersAsync(name, ct)));

    public static Task<IResult> RetryDeadLetters(HttpRequest request, string name, ApiPipeline api, IProjectionRuntime runner) =>
        api.CommandAsync(request, async (_, ct) => ApiResponse.Ok(await runner.RetryDeadLettersAsync(name, ct)));

    /// <summary>200 when the store answers and accepts writes, 503 otherwise (unreachable, or not writable: a full disk).</summary>
    /// <remarks>A full disk leaves reads working, so a read alone would say "healthy"; stores that can tell are asked.</remarks>
    public static Task<IResult> Health(HttpRequest request, ApiPipeline api, IEventStore store) =>
        api.QueryAsync(request, async ct =>
        {
            try
            {
                await store.GetStreamVersionAsync("health-probe", ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new ApiResponse(503, new HealthReport("Unhealthy", "unreachable", e.GetType().Name));
            }
            if (store is IWriteHealth writes && await writes.CheckWritesAsync(ct) is { } fault)
                return new ApiResponse(503, new HealthReport("Unhealthy", "not-writable", "store-unavailable", fault));
            return ApiResponse.Ok(new HealthReport("Healthy", "reachable"));
        });
}
