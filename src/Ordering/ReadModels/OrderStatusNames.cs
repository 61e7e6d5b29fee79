namespace Ordering.ReadModels;

/// <summary>The order statuses read models and the API show.</summary>
public static class OrderStatusNames
{
    public const string Draft = "Draft";
    public const string CheckoutRequested = "CheckoutRequested";
    public const string Confirmed = "Confirmed";
    public const string Shipped = "Shipped";
    public const string Cancelled = "Cancelled";
}
