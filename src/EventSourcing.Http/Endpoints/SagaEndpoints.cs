using EventSourcing.Http.Pipeline;
using EventSourcing.Sagas;
using Microsoft.AspNetCore.Http;

namespace EventSourcing.Http.Endpoints;

/// <summary>Saga status: where an instance is, its steps and how it ended, over whichever <see cref="ISagaClient"/> the host runs sagas on.</summary>
public static class SagaEndpoints
{
    /// <summary>GET: one saga instance (404 when there is none of that id).</summary>
    public static Task<IResult> Get(HttpRequest request, string sagaId, ApiPipeline api, ISagaClient sagas) =>
        api.QueryAsync(request, async ct =>
            ApiResponse.Ok(await sagas.GetAsync(sagaId, ct) ?? throw new NotFoundException($"No saga '{sagaId}' exists.")));

    /// <summary>Instances by status, a page at a time; a page may be short (even empty) and still have a token.</summary>
    public static Task<IResult> List(HttpRequest request, ApiPipeline api, ISagaClient sagas) =>
        api.QueryAsync(request, async ct =>
        {
            var query = new SagaQuery(
                QueryParameters.Enum<SagaStatus>(request, "status"),
                (int)(QueryParameters.WholeNumber(request, "maxCount", min: 1, max: 100) ?? 50),
                QueryParameters.Text(request, "continuationToken"));
            try
            {
                return ApiResponse.Ok(await sagas.ListAsync(query, ct));
            }
            catch (ArgumentException e) when (query.ContinuationToken is not null)
            {
                throw new BadRequestException("continuationToken", $"'continuationToken' is not one a previous page handed out: {e.Message}");
            }
        });
}
