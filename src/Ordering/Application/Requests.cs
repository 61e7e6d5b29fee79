namespace Ordering.Application;

// The bodies the API accepts. Fields are nullable so a missing value is reported as a validation
// error naming the field, not as a JSON failure.

public sealed record OrderLineRequest(string? Sku, int? Quantity, decimal? UnitPrice);

public sealed record CreateOrderRequest(string? CustomerId, IReadOnlyList<OrderLineRequest>? Items, string? Currency);

public sealed record AddItemRequest(string? Sku, int? Quantity, decimal? UnitPrice, string? Currency);

public sealed record CancelOrderRequest(string? Reason);

public sealed record RestockRequest(int? Quantity);

public sealed record ConfirmPaymentRequest(decimal? Amount);

public sealed record FailPaymentRequest(string? Reason);
