using EventSourcing.Sagas;
using Microsoft.AspNetCore.Http;
using Ordering.Http.Pipeline;

namespace Ordering.Http.Endpoints;

/// <summary>Saga status: where a checkout is, its steps and how it ended.</summary>
public static class SagaEndpoints
{
    public static Task<IResult> Get(HttpRequest request, string sagaId, ApiPipeline api, ISagaClient sagas) =>
        api.QueryAsync(request, async ct =>
            ApiResponse.Ok(await sagas.GetAsync(sagaId, ct) ?? throw new NotFoundException($"No saga '{sagaId}' exists.")));
}
