using EventSourcing.Catalog;
using EventSourcing.Http.Pipeline;
using Microsoft.AspNetCore.Http;

namespace EventSourcing.Http.Endpoints;

/// <summary>The event catalog: every stored event name and schema version with its JSON Schema, an example and its meaning.</summary>
public static class CatalogEndpoints
{
    /// <summary>GET: the catalog the host registered.</summary>
    public static Task<IResult> Get(HttpRequest request, ApiPipeline api, EventCatalog catalog) =>
        api.QueryAsync(request, _ => Task.FromResult(ApiResponse.Ok(catalog)));
}
