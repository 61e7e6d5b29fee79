using EventSourcing.Http.Pipeline;
using EventSourcing.Store;
using Microsoft.AspNetCore.Http;

namespace EventSourcing.Http.Endpoints;

/// <summary>Liveness and readiness: can the event store be read and written.</summary>
public static class HealthEndpoints
{
    /// <summary>200 when the store answers and accepts writes, 503 otherwise (unreachable, or not writable: a full disk).</summary>
    /// <remarks>A full disk leaves reads working, so a read alone would say "healthy"; stores that can tell are asked.</remarks>
    public static Task<IResult> Check(HttpRequest request, ApiPipeline api, IEventStore store) =>
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
