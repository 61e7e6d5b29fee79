namespace Ordering.Domain.Inventory;

/// <summary>What can be asked of a SKU's stock.</summary>
public abstract record InventoryCommand(string Sku);

public sealed record AddStock(string Sku, int Quantity) : InventoryCommand(Sku);

public sealed record ReserveStock(string Sku, string OrderId, int Quantity) : InventoryCommand(Sku);

public sealed record ReleaseReservation(string Sku, string OrderId) : InventoryCommand(Sku);

public sealed record CommitReservation(string Sku, string OrderId) : InventoryCommand(Sku);
