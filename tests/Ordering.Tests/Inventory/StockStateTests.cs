using Ordering.Contracts.Inventory;
using static Ordering.Tests.Inventory.StockHistory;

namespace Ordering.Tests.Inventory;

public sealed class StockStateTests
{
    [Fact]
    public void Reservations_hold_stock_back_without_taking_it_off_the_shelf()
    {
        var state = Stock.Given(Delivered(10), Reserved("o1", 3), Reserved("o2", 4)).State;

        Assert.Equal((10, 7, 3), (state.OnHand, state.Reserved, state.Available));
    }

    [Fact]
    public void A_commit_takes_the_reserved_stock_off_the_shelf_and_leaves_available_unchanged()
    {
        var state = Stock.Given(Delivered(10), Reserved("o1", 3), Reserved("o2", 4), Committed("o1", 3)).State;

        Assert.Equal((7, 4, 3), (state.OnHand, state.Reserved, state.Available));
    }

    [Fact]
    public void A_release_gives_the_stock_back()
    {
        var state = Stock.Given(Delivered(10), Reserved("o1", 3), Released("o1", 3)).State;

        Assert.Equal((10, 0, 10), (state.OnHand, state.Reserved, state.Available));
    }

    [Fact]
    public void The_state_after_a_thousand_sold_orders_is_no_bigger_than_after_one()
    {
        // Every command on the SKU loads and folds this state (and snapshots it): it must not grow with orders sold.
        static string After(int orders) => System.Text.Json.JsonSerializer.Serialize(Stock.Given(
            [Delivered(orders), .. Enumerable.Range(0, orders).SelectMany(i => new InventoryEvent[] { Reserved($"o{i}", 1), Committed($"o{i}", 1) })]).State);

        Assert.Equal(After(1), After(1000));
    }
}
