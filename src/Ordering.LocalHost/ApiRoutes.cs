using EventSourcing.Projections;
using EventSourcing.Sagas;
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
        orders.MapPost("", OrderEndpoints.Create).Command<CreateOrderRequest, OrderWritten>(StatusCodes.Status201Created);
        orders.MapGet("", OrderQueryEndpoints.List).Query<ReadModelPage<OrderListItem>>();
        orders.MapGet("/{orderId}", OrderQueryEndpoints.Get).Query<OrderDetails>();
        orders.MapPost("/{orderId}/items", OrderEndpoints.AddItem).Command<AddItemRequest, OrderWritten>();
        orders.MapDelete("/{orderId}/items/{sku}", OrderEndpoints.RemoveItem).Command<OrderWritten>();
        orders.MapPost("/{orderId}/checkout", OrderEndpoints.Checkout).Command<CheckoutStarted>(StatusCodes.Status202Accepted);
        orders.MapPost("/{orderId}/ship", OrderEndpoints.Ship).Command<OrderWritten>();
        orders.MapPost("/{orderId}/cancel", OrderEndpoints.Cancel).Command<CancelOrderRequest, OrderWritten>();
        api.MapGet("/customers/{customerId}/summary", OrderQueryEndpoints.CustomerSummary).WithTags("Orders").Query<CustomerSummaryView>();

        var payments = api.MapGroup("/payments").WithTags("Payments");
        payments.MapPost("/{orderId}/confirm", InventoryAndPaymentEndpoints.ConfirmPayment).Command<ConfirmPaymentRequest, PaymentWritten>(StatusCodes.Status202Accepted);
        payments.MapPost("/{orderId}/fail", InventoryAndPaymentEndpoints.FailPayment).Command<FailPaymentRequest, PaymentWritten>(StatusCodes.Status202Accepted);

        api.MapGet("/sagas/{sagaId}", SagaEndpoints.Get).WithTags("Sagas").Query<SagaInstance>();

        var inventory = api.MapGroup("/inventory").WithTags("Inventory");
        inventory.MapGet("/{sku}", InventoryAndPaymentEndpoints.GetStock).Query<StockLevel>();
        inventory.MapPost("/{sku}/restock", InventoryAndPaymentEndpoints.Restock).Command<RestockRequest, StockLevel>();

        var operations = api.MapGroup("").WithTags("Operations");
        operations.MapGet("/streams/{streamId}/events", StreamEndpoints.Events).Query<StreamEvents>();
        operations.MapGet("/projections", OperationsEndpoints.Projections).Query<IReadOnlyList<ProjectionStatus>>();
        operations.MapPost("/projections/{name}/rebuild", OperationsEndpoints.Rebuild).Command<object>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status501NotImplemented); // where the host cannot rebuild (the Functions app on Cosmos)
        operations.MapGet("/projections/{name}/deadletters", OperationsEndpoints.DeadLetters).Query<IReadOnlyList<DeadLetter>>();
        operations.MapPost("/projections/{name}/deadletters/retry", OperationsEndpoints.RetryDeadLetters).Command<DeadLetterRetryResult>();
        operations.MapGet("/subscriptions/{name}/deadletters", SubscriptionEndpoints.DeadLetters).Query<IReadOnlyList<SubscriptionDeadLetter>>();
        operations.MapPost("/subscriptions/{name}/deadletters/retry", SubscriptionEndpoints.RetryDeadLetters).Command<DeadLetterRetryResult>();
        operations.MapGet("/health", OperationsEndpoints.Health).Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status503ServiceUnavailable);
    }

    // Every write can meet every rule of the API; listing them lets clients generate their error handling.
    private static readonly int[] CommandProblems =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
        StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity,
        StatusCodes.Status401Unauthorized, StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable,
    ];

    private static RouteHandlerBuilder Command<TRequest, TResponse>(this RouteHandlerBuilder route, int status = StatusCodes.Status200OK) where TRequest : notnull =>
        route.Accepts<TRequest>("application/json").Command<TResponse>(status);

    private static RouteHandlerBuilder Command<TResponse>(this RouteHandlerBuilder route, int status = StatusCodes.Status200OK)
    {
        route.Produces<TResponse>(status);
        foreach (var problem in CommandProblems) route.ProducesProblem(problem);
        return route;
    }

    private static RouteHandlerBuilder Query<TResponse>(this RouteHandlerBuilder route) =>
        route.Produces<TResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
