using EventSourcing.Catalog;
using EventSourcing.Http.Endpoints;
using EventSourcing.Http.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Ordering.Http.Endpoints;

namespace Ordering.Functions.Http;

/// <summary>The event catalog, open like the OpenAPI document: subscribers and their code generators fetch it without a key.</summary>
public sealed class CatalogFunctions(ApiPipeline api, EventCatalog catalog)
{
    [Function("EventCatalog")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog")] HttpRequest request) =>
        CatalogEndpoints.Get(request, api, catalog);
}
