using EventSourcing.Catalog;
using EventSourcing.Http.Endpoints;
using EventSourcing.Http.Pipeline;
using EventSourcing.Http.Reads;
using EventSourcing.Projections;
using EventSourcing.Sagas;
using EventSourcing.Store;
using EventSourcing.Subscriptions;
using Ordering.Application;
using Ordering.Http.Endpoints;
using Ordering.ReadModels;

namespace Ordering.LocalHost;

/// <summary>The routes of docs/API.md, each bound to the shared endpoint that serves it, with what it answers for the OpenAPI document.</summary>
internal static class ApiRoutes
{
    public static void MapOrderingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        var orders = api.MapGroup("/orders").WithTags("Orders");
        orders.MapPost("", OrderEndpoints.Create)
            .WithName("createOrder").WithSummary("Create an order, optionally with its first lines")
            .Command<CreateOrderRequest, OrderWritten>(StatusCodes.Status201Created);
        orders.MapGet("", OrderQueryEndpoints.List)
            .WithName("listOrders").WithSummary("List orders from the read model, a page at a time")
            .WithQueryText("customerId", "Only this customer's orders.")
            .WithQueryEnum<OrderStatusFilter>("status", "Only orders in this status.")
            .WithQueryNumber("limit", "At most this many orders (default 50).", min: 1, max: 1000)
            .WithQueryText("continuationToken", "Where the previous page ended: its continuationToken.")
            .Query<ReadModelPage<OrderListItem>>();
        orders.MapGet("/{orderId}", OrderQueryEndpoints.Get)
            .WithName("getOrder").WithSummary("Get an order, now or as it was at a version or instant")
            .WithQueryNumber("atVersion", "The order as it was at this stream version, computed from its events.", min: 1)
            .WithQueryInstant("asOf", "The order as it was at this instant (ISO 8601), computed from its events.")
            .WithQueryNumber("minVersion", "Read your writes: wait (a few seconds at most) until the read model has this version; "
                + "a read model still behind is answered with the header X-Read-Model-Stale: true.", min: 0)
            .Query<OrderDetails>();
        orders.MapPost("/{orderId}/items", OrderEndpoints.AddItem)
            .WithName("addOrderItem").WithSummary("Add a line to a draft order")
            .Command<AddItemRequest, OrderWritten>();
        orders.MapDelete("/{orderId}/items/{sku}", OrderEndpoints.RemoveItem)
            .WithName("removeOrderItem").WithSummary("Remove a line from a draft order")
            .Command<OrderWritten>();
        orders.MapPost("/{orderId}/checkout", OrderEndpoints.Checkout)
            .WithName("checkOutOrder").WithSummary("Check out an order: starts the checkout saga")
            .Command<CheckoutStarted>(StatusCodes.Status202Accepted);
        orders.MapPost("/{orderId}/ship", OrderEndpoints.Ship)
            .WithName("shipOrder").WithSummary("Ship a confirmed order")
            .Command<OrderWritten>();
        orders.MapPost("/{orderId}/cancel", OrderEndpoints.Cancel)
            .WithName("cancelOrder").WithSummary("Cancel an order that is not yet confirmed")
            .Command<CancelOrderRequest, OrderWritten>();
        api.MapGet("/customers/{customerId}/summary", OrderQueryEndpoints.CustomerSummary)
            .WithName("getCustomerSummary").WithSummary("Get a customer's order count and spending")
            .WithTags("Orders")
            .Query<CustomerSummaryView>();

        var payments = api.MapGroup("/payments").WithTags("Payments");
        payments.MapPost("/{orderId}/confirm", InventoryAndPaymentEndpoints.ConfirmPayment)
            .WithName("confirmPayment").WithSummary("Payment provider callback: the order's payment arrived")
            .Command<ConfirmPaymentRequest, PaymentWritten>(StatusCodes.Status202Accepted);
        payments.MapPost("/{orderId}/fail", InventoryAndPaymentEndpoints.FailPayment)
            .WithName("failPayment").WithSummary("Payment provider callback: the order's payment failed")
            .Command<FailPaymentRequest, PaymentWritten>(StatusCodes.Status202Accepted);

        var sagas = api.MapGroup("/sagas").WithTags("Sagas");
        sagas.MapGet("", SagaEndpoints.List)
            .WithName("listSagas").WithSummary("List saga instances by status, a page at a time")
            .WithDescription("A page may hold fewer instances than asked, even none, and still carry a continuationToken: keep asking until it is null.")
            .AddOpenApiOperationTransformer(ListingOpenApi.DescribeSagasAsync)
            .Query<SagaPage>();
        sagas.MapGet("/{sagaId}", SagaEndpoints.Get)
            .WithName("getSaga").WithSummary("Get a saga: its status and steps, from its history")
            .Query<SagaInstance>();

        var inventory = api.MapGroup("/inventory").WithTags("Inventory");
        inventory.MapGet("/{sku}", InventoryAndPaymentEndpoints.GetStock)
            .WithName("getStockLevel").WithSummary("Get a SKU's stock: on hand, reserved and available")
            .Query<StockLevel>();
        inventory.MapPost("/{sku}/restock", InventoryAndPaymentEndpoints.Restock)
            .WithName("restock").WithSummary("Record stock arriving for a SKU")
            .Command<RestockRequest, StockLevel>();

        var operations = api.MapGroup("").WithTags("Operations");
        operations.MapGet("/streams", StreamEndpoints.List)
            .WithName("listStreams").WithSummary("List streams by id, optionally those starting with a prefix, a page at a time")
            .WithDescription("Pass the page's `next` as `after` for the following page; `next` is absent on the last one.")
            .AddOpenApiOperationTransformer(ListingOpenApi.DescribeStreamsAsync)
            .Query<StreamList>();
        operations.MapGet("/streams/{streamId}/events", StreamEndpoints.Events)
            .WithName("getStreamEvents").WithSummary("Read a stream's events: the audit trail")
            .WithQueryNumber("fromVersion", "The first version to read (forward) or the last (backward).", min: 0)
            .WithQueryNumber("maxCount", "At most this many events (default 100).", min: 1, max: 1000)
            .WithQueryEnum<ReadDirection>("direction", "Forward (oldest first, the default) or Backward.")
            .Query<StreamEvents>();
        api.MapGet("/events", EventFeedEndpoints.Read).WithTags("Subscribers")
            .WithName("readEventFeed").WithSummary("Read the event feed, from a cursor").WithDescription(EventFeedOpenApi.Description)
            .AddOpenApiOperationTransformer(EventFeedOpenApi.DescribeAsync)
            .Produces<EventFeedPage>().Problem(StatusCodes.Status400BadRequest).Problem(StatusCodes.Status401Unauthorized)
            .Problem(StatusCodes.Status503ServiceUnavailable);
        operations.MapGet("/correlations/{correlationId}/events", CorrelationEndpoints.Events)
            .WithName("traceCorrelation").WithSummary("Read every event carrying a correlation id, across streams, in commit order")
            .WithDescription(
                "One request or workflow (a checkout: its order, stock, payment and saga steps) read back in one call. Commit order is " +
                "the global position on SQLite; on Cosmos DB, which has none, the commit timestamp, then the stream id, then the version, " +
                "so each stream's events stay in version order. When more events follow than a page holds, `next` is an opaque cursor to " +
                "pass back as `after`; on the page with the last event stored now it is null. An id no event carries answers 200 with no " +
                "events. Saga history is in the trace where the embedded saga runner stores it (the local host); on the Functions app the " +
                "saga runs on Durable Functions, whose history is not in the event store.")
            .WithQueryText("after", "The `next` of the previous page; omitted, the trace starts at its first event.")
            .WithQueryNumber("maxCount", $"At most this many events (default {CorrelationTrace.MaxPageSize}).", min: 1, max: CorrelationTrace.MaxPageSize)
            // No 404: an id no event carries is an empty trace.
            .Produces<CorrelatedEvents>().Problem(StatusCodes.Status400BadRequest).Problem(StatusCodes.Status401Unauthorized)
            .Problem(StatusCodes.Status503ServiceUnavailable);
        operations.MapGet("/projections", ProjectionEndpoints.Projections)
            .WithName("listProjections").WithSummary("List the projections with their version, checkpoint and lag")
            .Query<IReadOnlyList<ProjectionStatus>>();
        operations.MapPost("/projections/{name}/rebuild", ProjectionEndpoints.Rebuild)
            .WithName("rebuildProjection").WithSummary("Rebuild a projection into a new version while the old one serves")
            .Command<ProjectionRebuildStarted>(StatusCodes.Status202Accepted)
            .Problem(StatusCodes.Status501NotImplemented); // where the host cannot rebuild (the Functions app on Cosmos)
        operations.MapGet("/projections/{name}/deadletters", ProjectionEndpoints.DeadLetters)
            .WithName("listProjectionDeadLetters").WithSummary("List the events a projection failed on")
            .Query<IReadOnlyList<DeadLetter>>();
        operations.MapPost("/projections/{name}/deadletters/retry", ProjectionEndpoints.RetryDeadLetters)
            .WithName("retryProjectionDeadLetters").WithSummary("Apply a projection's parked events again")
            .Command<DeadLetterRetryResult>();
        operations.MapGet("/subscriptions/{name}/deadletters", SubscriptionEndpoints.DeadLetters)
            .WithName("listSubscriptionDeadLetters").WithSummary("List the events a feed subscription gave up on")
            .Query<IReadOnlyList<SubscriptionDeadLetter>>();
        operations.MapPost("/subscriptions/{name}/deadletters/retry", SubscriptionEndpoints.RetryDeadLetters)
            .WithName("retrySubscriptionDeadLetters").WithSummary("Hand a subscription's parked events to it again")
            .Command<DeadLetterRetryResult>();
        operations.MapGet("/catalog", CatalogEndpoints.Get)
            .WithName("getEventCatalog").WithSummary("The event catalog: every stored event's schema, example and meaning")
            .WithDescription("Every stored event name and schema version (older shapes that upcasters still read included) with its JSON Schema " +
                "(draft 2020-12) of the data as stored, an example, and one line of what the fact means. Open: no key needed. The same " +
                "schemas are committed in docs/events/.")
            .Produces<EventCatalog>();
        operations.MapGet("/health", HealthEndpoints.Check)
            .WithName("getHealth").WithSummary("Liveness and readiness: can the store be read and written")
            .Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
    }

    // Every write can meet every rule of the API; listing them lets clients generate their error handling.
    private static readonly int[] CommandProblems =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
        StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity,
        StatusCodes.Status401Unauthorized, StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable,
    ];

    private static RouteHandlerBuilder Command<TRequest, TResponse>(this RouteHandlerBuilder route, int status = StatusCodes.Status200OK) where TRequest : notnull =>
        route.Accepts<TRequest>("application/json")
            .Command<TResponse>(status);

    private static RouteHandlerBuilder Command<TResponse>(this RouteHandlerBuilder route, int status = StatusCodes.Status200OK)
    {
        route.Produces<TResponse>(status);
        foreach (var problem in CommandProblems) route.Problem(problem);
        return route;
    }

    private static RouteHandlerBuilder Query<TResponse>(this RouteHandlerBuilder route) =>
        route.Produces<TResponse>().Problem(StatusCodes.Status400BadRequest).Problem(StatusCodes.Status404NotFound)
            .Problem(StatusCodes.Status401Unauthorized);

    // The API's own problem body (with its code and errors), which is what every endpoint answers, not ASP.NET's
    // ProblemDetails: use this, not ProducesProblem (OpenApiDocumentTests checks).
    internal static RouteHandlerBuilder Problem(this RouteHandlerBuilder route, int status) =>
        route.Produces<ProblemBody>(status, "application/problem+json");
}
