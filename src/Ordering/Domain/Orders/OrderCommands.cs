namespace Ordering.Domain.Orders;

/// <summary>What can be asked of an order. Times come in with the command so deciding stays pure.</summary>
public abstract record OrderCommand(string OrderId);

public sealed record CreateOrder(string OrderId, string CustomerId, string Currency, DateTimeOffset CreatedAt) : OrderCommand(OrderId);

/// <param name="Currency">When given, must be the order's currency.</param>
public sealed record AddItem(string OrderId, string Sku, int Quantity, decimal UnitPrice, string? Currency = null) : OrderCommand(OrderId);

public sealed record RemoveItem(string OrderId, string Sku) : OrderCommand(OrderId);

public sealed record RequestCheckout(string OrderId, DateTimeOffset RequestedAt) : OrderCommand(OrderId);

public sealed record ConfirmOrder(string OrderId, DateTimeOffset ConfirmedAt) : OrderCommand(OrderId);

public sealed record ShipOrder(string OrderId, DateTimeOffset ShippedAt) : OrderCommand(OrderId);

public sealed record CancelOrder(string OrderId, string Reason, DateTimeOffset CancelledAt) : OrderCommand(OrderId);
