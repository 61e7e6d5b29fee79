using Ordering.Contracts.Inventory;
using Ordering.Domain.Inventory;
using Ordering.Tests.Support;

namespace Ordering.Tests.Inventory;

/// <summary>One SKU's stock events, for Given clauses.</summary>
public static class StockHistory
{
    public const string Sku = "book-1";

    public static DeciderSpec<InventoryCommand, InventoryEvent, StockState> Stock { get; } = new(StockDecider.Decider);

    public static StockAdded Delivered(int quantity) => new(Sku, quantity);

    public static StockReserved Reserved(string orderId, int quantity) => new(Sku, orderId, quantity);

    public static ReservationReleased Released(string orderId, int quantity) => new(Sku, orderId, quantity);

    public static ReservationCommitted Committed(string orderId, int quantity) => new(Sku, orderId, quantity);
}
