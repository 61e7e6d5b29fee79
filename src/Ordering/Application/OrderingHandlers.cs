using EventSourcing.Deciders;
using EventSourcing.Snapshots;
using Ordering.Contracts.Inventory;
using Ordering.Contracts.Orders;
using Ordering.Contracts.Payments;
using Ordering.Domain.Inventory;
using Ordering.Domain.Orders;
using Ordering.Domain.Payments;

namespace Ordering.Application;

/// <summary>The one generic command handler, closed over each ordering decider.</summary>
public sealed class OrderingHandlers(AggregateStore store)
{
    /// <summary>A SKU's stream grows with every reservation, so its state is snapshotted.</summary>
    public static SnapshotOptions StockSnapshots { get; } = new("stock", SchemaVersion: 1, SnapshotPolicy.Every(100));

    public CommandHandler<OrderCommand, OrderEvent, OrderState> Orders { get; } = new(store, OrderDecider.Decider);

    public CommandHandler<InventoryCommand, InventoryEvent, StockState> Stock { get; } =
        new(store, StockDecider.Decider, new CommandHandlerOptions(Snapshots: StockSnapshots));

    public CommandHandler<PaymentCommand, PaymentEvent, PaymentState> Payments { get; } = new(store, PaymentDecider.Decider);

    public AggregateStore Store => store;
}
