using EventSourcing.Projections;
using EventSourcing.Store;
using Ordering.Contracts.Inventory;

namespace Ordering.ReadModels;

/// <summary>A SKU's stock as GET /api/inventory/{sku} shows it.</summary>
public sealed record StockLevelView(string Sku, int OnHand, int Reserved, int Available, long Version, DateTimeOffset UpdatedAt);

/// <summary>Keeps <see cref="StockLevelView"/> per SKU from its inventory stream.</summary>
public sealed class InventoryProjection : Projection<StockLevelView>
{
    public const string ProjectionName = "inventory";

    public override string Name => ProjectionName;

    public override string? KeyOf(object domainEvent, RecordedEvent recorded) => (domainEvent as InventoryEvent)?.Sku;

    public override StockLevelView? Apply(StockLevelView? current, object domainEvent, RecordedEvent recorded)
    {
        var level = current ?? new StockLevelView(((InventoryEvent)domainEvent).Sku, 0, 0, 0, 0, recorded.Timestamp);
        var (onHand, reserved) = domainEvent switch
        {
            StockAdded e => (level.OnHand + e.Quantity, level.Reserved),
            StockReserved e => (level.OnHand, level.Reserved + e.Quantity),
            ReservationReleased e => (level.OnHand, level.Reserved - e.Quantity),
            ReservationCommitted e => (level.OnHand - e.Quantity, level.Reserved - e.Quantity),
            _ => (level.OnHand, level.Reserved),
        };
        return level with { OnHand = onHand, Reserved = reserved, Available = onHand - reserved, Version = recorded.StreamVersion, UpdatedAt = recorded.Timestamp };
    }
}
