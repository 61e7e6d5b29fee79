namespace Ordering.Application;

/// <summary>An order after a write: its id and new version (the ETag).</summary>
public sealed record OrderWritten(string OrderId, long Version);

/// <summary>Checkout accepted: the saga that carries it on is named after the order.</summary>
public sealed record CheckoutAccepted(string OrderId, string SagaId, long Version);

/// <summary>A payment callback recorded.</summary>
public sealed record PaymentWritten(string OrderId, string Status, long Version);

/// <summary>A SKU's stock: on hand, reserved for orders, and what is left to sell.</summary>
public sealed record StockLevel(string Sku, int OnHand, int Reserved, int Available, long Version);

/// <summary>An order as a list shows it.</summary>
public sealed record OrderListItem(
    string OrderId, string CustomerId, string Status, decimal Total, string Currency, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A customer's orders and confirmed spend per currency.</summary>
public sealed record CustomerSummaryView(string CustomerId, int OrderCount, int CancelledCount, IReadOnlyDictionary<string, decimal> TotalSpent, DateTimeOffset UpdatedAt);
