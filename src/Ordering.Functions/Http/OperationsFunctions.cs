using EventSourcing.Durable;
using EventSourcing.Http.Endpoints;
using EventSourcing.Http.Pipeline;
using EventSourcing.Http.Reads;
using EventSourcing.Projections;
using EventSourcing.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Ordering.Http.Endpoints;

namespace Ordering.Functions.Http;

/// <summary>The stream listing and audit trail, the feed for subscribers, correlation traces, saga listing and status, projections and health.</summary>
public sealed class OperationsFunctions(
    ApiPipeline api, AuditTrail trail, EventFeed feed, CorrelationTrace trace, IHostApplicationLifetime lifetime, IProjectionRuntime projections,
    IEventStore store, IStreamDirectory streams)
{
    [Function("ReadEventFeed")]
    public Task<IResult> Feed([HttpTrigger(AuthorizationLevel.Function, "get", Route = "events")] HttpRequest request) =>
        EventFeedEndpoints.Read(request, api, feed, lifetime);

    [Function("ListStreams")]
    public Task<IResult> Streams([HttpTrigger(AuthorizationLevel.Function, "get", Route = "streams")] HttpRequest request) =>
        StreamEndpoints.List(request, api, streams);

    [Function("StreamEvents")]
    public Task<IResult> Events([HttpTrigger(AuthorizationLevel.Function, "get", Route = "streams/{streamId}/events")] HttpRequest request, string streamId) =>
        StreamEndpoints.Events(request, streamId, api, trail);

    [Function("ListSagas")]
    public Task<IResult> Sagas([HttpTrigger(AuthorizationLevel.Function, "get", Route = "sagas")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        SagaEndpoints.List(request, api, new DurableSagaClient(client));

    [Function("TraceCorrelation")]
    public Task<IResult> Correlation(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "correlations/{correlationId}/events")] HttpRequest request, string correlationId) =>
        CorrelationEndpoints.Events(request, correlationId, api, trace);

    [Function("GetSaga")]
    public Task<IResult> Saga(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sagas/{sagaId}")] HttpRequest request, string sagaId, [DurableClient] DurableTaskClient client) =>
        SagaEndpoints.Get(request, sagaId, api, new DurableSagaClient(client));

    [Function("Projections")]
    public Task<IResult> Projections([HttpTrigger(AuthorizationLevel.Function, "get", Route = "projections")] HttpRequest request) =>
        ProjectionEndpoints.Projections(request, api, projections);

    [Function("RebuildProjection")]
    public Task<IResult> Rebuild([HttpTrigger(AuthorizationLevel.Function, "post", Route = "projections/{name}/rebuild")] HttpRequest request, string name) =>
        ProjectionEndpoints.Rebuild(request, name, api, projections);

    [Function("DeadLetters")]
    public Task<IResult> DeadLetters([HttpTrigger(AuthorizationLevel.Function, "get", Route = "projections/{name}/deadletters")] HttpRequest request, string name) =>
        ProjectionEndpoints.DeadLetters(request, name, api, projections);

    [Function("RetryDeadLetters")]
    public Task<IResult> RetryDeadLetters(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "projections/{name}/deadletters/retry")] HttpRequest request, string name) =>
        ProjectionEndpoints.RetryDeadLetters(request, name, api, projections);

    [Function("OpenApiDocument")]
    public static IResult OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        Results.Stream(typeof(OperationsFunctions).Assembly.GetManifestResourceStream("openapi.json")!, "application/json");

    [Function("Health")]
    public Task<IResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        HealthEndpoints.Check(request, api, store);
}
