namespace Ordering.Contracts.Inventory;

/// <summary>Everything that happens to one SKU's stock.</summary>
public abstract record InventoryEvent(string Sku);

public sealed record StockAdded(string Sku, int Quantity) : InventoryEvent(Sku);

public sealed record StockReserved(string Sku, string OrderId, int Quantity) : InventoryEvent(Sku);

public sealed record ReservationReleased(string Sku, string OrderId, int Quantity) : InventoryEvent(Sku);

/// <summary>A reservation turned into a sale: the stock leaves the shelf.</summary>
public sealed record ReservationCommitted(string Sku, string OrderId, int Quantity) : InventoryEvent(Sku);
