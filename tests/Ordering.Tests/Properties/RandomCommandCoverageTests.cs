using FsCheck.Fluent;
using Ordering.Contracts.Inventory;
using Ordering.Contracts.Orders;
using Ordering.Contracts.Payments;
using Ordering.Domain.Inventory;
using Ordering.Domain.Orders;
using Ordering.Domain.Payments;
using Ordering.Tests.Support;

namespace Ordering.Tests.Properties;

/// <summary>The properties mean something only if random runs reach every event; these say they do.</summary>
public sealed class RandomCommandCoverageTests
{
    [Fact]
    public void Random_order_runs_reach_every_order_event() =>
        Assert.Equal(
            new[] { "CheckoutRequested", "ItemAdded", "ItemRemoved", "OrderCancelled", "OrderConfirmed", "OrderCreated", "OrderShipped" },
            EventNames(RandomCommands.ForOrder.Generator.Sample(50, 300).Select(c => OrderDecider.Decider.Run(c).SelectMany(s => s.Events))));

    [Fact]
    public void Random_stock_runs_reach_every_stock_event() =>
        Assert.Equal(
            new[] { "ReservationCommitted", "ReservationReleased", "StockAdded", "StockReserved" },
            EventNames(RandomCommands.ForStock.Generator.Sample(50, 300).Select(c => StockDecider.Decider.Run(c).SelectMany(s => s.Events))));

    [Fact]
    public void Random_payment_runs_reach_every_payment_event() =>
        Assert.Equal(
            new[] { "PaymentConfirmed", "PaymentFailed", "PaymentRefunded", "PaymentRequested" },
            EventNames(RandomCommands.ForPayment.Generator.Sample(50, 300).Select(c => PaymentDecider.Decider.Run(c).SelectMany(s => s.Events))));

    private static string[] EventNames<T>(IEnumerable<IEnumerable<T>> runs) where T : notnull =>
        [.. runs.SelectMany(events => events).Select(e => e.GetType().Name).Distinct().Order(StringComparer.Ordinal)];
}
