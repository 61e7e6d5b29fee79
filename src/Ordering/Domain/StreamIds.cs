namespace Ordering.Domain;

/// <summary>The stream each aggregate lives in (shared/API.md).</summary>
public static class StreamIds
{
    public static string Order(string orderId) => $"order-{orderId}";

    public static string Inventory(string sku) => $"inventory-{sku}";

    public static string Payment(string orderId) => $"payment-{orderId}";
}
