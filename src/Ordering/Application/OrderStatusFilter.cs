namespace Ordering.Application;

/// <summary>The statuses an order list can be filtered by.</summary>
public enum OrderStatusFilter
{
    Draft,
    CheckoutRequested,
    Confirmed,
    Shipped,
    Cancelled,
}
