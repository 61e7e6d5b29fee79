using EventSourcing.Store;
using Microsoft.AspNetCore.Http;
using Ordering.Application;
using Ordering.Http.Pipeline;

namespace Ordering.Http.Endpoints;

/// <summary>The audit trail: any stream's events as stored, with their envelopes.</summary>
public static class StreamEndpoints
{
    public static Task<IResult> Events(HttpRequest request, string streamId, ApiPipeline api, AuditTrail trail) =>
        api.QueryAsync(request, async ct =>
        {
            var page = await trail.ReadAsync(
                streamId,
                QueryParameters.Enum<ReadDirection>(request, "direction") ?? ReadDirection.Forward,
                QueryParameters.WholeNumber(request, "fromVersion", min: 0),
                (int)(QueryParameters.WholeNumber(request, "maxCount", min: 1, max: 1000) ?? 100),
                ct);
            return ApiResponse.Ok(page, page.Version);
        });
}
