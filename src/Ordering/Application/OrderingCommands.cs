using System.Security.Cryptography;
using System.Text;
using EventSourcing.Deciders;
using Ordering.Contracts.Orders;
using Ordering.Domain;
using Ordering.Domain.Inventory;
using Ordering.Domain.Orders;
using Ordering.Domain.Payments;

namespace Ordering.Application;

/// <summary>
/// The ordering use cases both hosts call: a request body in, domain commands through the command
/// handler, a small result out. Value rules live in the deciders; here only presence is checked.
/// </summary>
public sealed class OrderingCommands(OrderingHandlers handlers, TimeProvider clock)
{
    public const string DefaultCurrency = "EUR";

    /// <summary>Creates an order with its first lines in one atomic append.</summary>
    public async Task<OrderWritten> CreateOrderAsync(CreateOrderRequest request, CommandContext context, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var customerId = check.Required(request.CustomerId, "customerId");
        var lines = (request.Items ?? []).Select((line, i) => Line(check, line, $"items[{i}]")).ToList();
        check.ThrowIfInvalid();

        var orderId = NewOrderId(context.IdempotencyKey);
        var currency = request.Currency ?? DefaultCurrency;
        List<OrderCommand> commands = [new CreateOrder(orderId, customerId, currency, clock.GetUtcNow())];
        commands.AddRange(lines.Select(l => new AddItem(orderId, l.Sku, l.Quantity, l.UnitPrice)));
        var result = await handlers.Orders.HandleAsync(StreamIds.Order(orderId), commands, context, cancellationToken);
        return new(orderId, result.Version);
    }

    public async Task<OrderWritten> AddItemAsync(string orderId, AddItemRequest request, CommandContext context, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var line = Line(check, new OrderLineRequest(request.Sku, request.Quantity, request.UnitPrice), field: null);
        check.ThrowIfInvalid();
        return await OrderAsync(new AddItem(orderId, line.Sku, line.Quantity, line.UnitPrice, request.Currency), context, cancellationToken);
    }

    public Task<OrderWritten> RemoveItemAsync(string orderId, string sku, CommandContext context, CancellationToken cancellationToken) =>
        OrderAsync(new RemoveItem(orderId, sku), context, cancellationToken);

    /// <summary>Freezes the order; the checkout saga named after it picks it up from the feed.</summary>
    public async Task<CheckoutAccepted> CheckoutAsync(string orderId, CommandContext context, CancellationToken cancellationToken)
    {
        var written = await OrderAsync(new RequestCheckout(orderId, clock.GetUtcNow()), context, cancellationToken);
        return new(orderId, CheckoutSagaId(orderId), written.Version);
    }

    public Task<OrderWritten> ShipAsync(string orderId, CommandContext context, CancellationToken cancellationToken) =>
        OrderAsync(new ShipOrder(orderId, clock.GetUtcNow()), context, cancellationToken);

    public Task<OrderWritten> CancelAsync(string orderId, CancelOrderRequest request, CommandContext context, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var reason = check.Required(request.Reason, "reason");
        check.ThrowIfInvalid();
        return OrderAsync(new CancelOrder(orderId, reason, clock.GetUtcNow()), context, cancellationToken);
    }

    public async Task<StockLevel> RestockAsync(string sku, RestockRequest request, CommandContext context, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var quantity = check.Required(request.Quantity, "quantity");
        check.ThrowIfInvalid();
        var result = await handlers.Stock.HandleAsync(StreamIds.Inventory(sku), new AddStock(sku, quantity), context, cancellationToken);
        var stock = result.State;
        return new(sku, stock.OnHand, stock.Reserved, stock.Available, result.Version);
    }

    /// <summary>The provider's "paid" callback, recorded on the order's payment stream.</summary>
    public async Task<PaymentWritten> ConfirmPaymentAsync(string orderId, ConfirmPaymentRequest request, CommandContext context, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var amount = check.Required(request.Amount, "amount");
        check.ThrowIfInvalid();
        return await PaymentAsync(new ConfirmPayment(orderId, amount), context, cancellationToken);
    }

    /// <summary>The provider's "refused" callback, recorded on the order's payment stream.</summary>
    public async Task<PaymentWritten> FailPaymentAsync(string orderId, FailPaymentRequest request, CommandContext context, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var reason = check.Required(request.Reason, "reason");
        check.ThrowIfInvalid();
        return await PaymentAsync(new FailPayment(orderId, reason), context, cancellationToken);
    }

    /// <summary>The checkout saga of an order has a fixed id, so a redelivered CheckoutRequested cannot start two.</summary>
    public static string CheckoutSagaId(string orderId) => $"checkout-{orderId}";

    private async Task<OrderWritten> OrderAsync(OrderCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        var result = await handlers.Orders.HandleAsync(StreamIds.Order(command.OrderId), command, context, cancellationToken);
        return new(command.OrderId, result.Version);
    }

    private async Task<PaymentWritten> PaymentAsync(PaymentCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        var order = await handlers.Store.LoadAsync(
            StreamIds.Order(command.OrderId), OrderState.Initial, (OrderState s, OrderEvent e) => OrderDecider.Evolve(s, e), cancellationToken: cancellationToken);
        if (order.Version == 0) throw new DomainRuleViolationException("order-not-found", $"Order '{command.OrderId}' does not exist.");
        var result = await handlers.Payments.HandleAsync(StreamIds.Payment(command.OrderId), command, context, cancellationToken);
        return new(command.OrderId, result.State.Status.ToString(), result.Version);
    }

    private static OrderLine Line(Validation check, OrderLineRequest line, string? field)
    {
        var prefix = field is null ? "" : field + ".";
        return new(
            check.Required(line.Sku, prefix + "sku"),
            check.Required(line.Quantity, prefix + "quantity"),
            check.Required(line.UnitPrice, prefix + "unitPrice"));
    }

    // A retried create (same Idempotency-Key) must name the same order, or a lost response would leave a twin.
    private static string NewOrderId(string? idempotencyKey) => idempotencyKey is null
        ? Guid.NewGuid().ToString("N")
        : new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("order:" + idempotencyKey))[..16]).ToString("N");
}
