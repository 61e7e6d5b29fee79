using EventSourcing.Http.Pipeline;
using EventSourcing.Http.Reads;
using Microsoft.AspNetCore.Http;

namespace EventSourcing.Http.Endpoints;

/// <summary>Correlation tracing: every event one request or workflow caused, across streams, in commit order.</summary>
public static class CorrelationEndpoints
{
    // The longest correlation id a request can set (X-Correlation-Id); nothing longer is ever stored by the API.
    private const int MaxIdLength = 128;

    /// <summary>GET: a page of the events carrying a correlation id (400 for an id no request could have set).</summary>
    public static Task<IResult> Events(HttpRequest request, string correlationId, ApiPipeline api, CorrelationTrace trace) =>
        api.QueryAsync(request, async ct =>
        {
            if (correlationId.Length > MaxIdLength || correlationId.Any(c => c is <= ' ' or >= (char)127))
                throw new BadRequestException("correlationId", $"A correlation id is 1 to {MaxIdLength} printable ASCII characters without spaces.");
            var page = await trace.ReadAsync(
                correlationId,
                QueryParameters.Text(request, "after"),
                (int)(QueryParameters.WholeNumber(request, "maxCount", min: 1, max: CorrelationTrace.MaxPageSize) ?? CorrelationTrace.MaxPageSize),
                ct);
            return ApiResponse.Ok(page);
        });
}
