using EventSourcing.Deciders;
using Ordering.Contracts.Inventory;
using Ordering.Domain.Inventory;
using static Ordering.Tests.Inventory.StockHistory;

namespace Ordering.Tests.Inventory;

public sealed class ReleaseAndCommitStockTests
{
    [Fact]
    public void A_reservation_is_released_with_the_quantity_it_held() =>
        Stock.Given(Delivered(5), Reserved("o1", 2))
            .When(new ReleaseReservation(Sku, "o1"))
            .Then(new ReservationReleased(Sku, "o1", 2));

    [Fact]
    public void Releasing_a_reservation_that_does_not_exist_changes_nothing() =>
        Stock.Given(Delivered(5), Reserved("o1", 2), Released("o1", 2))
            .When(new ReleaseReservation(Sku, "o1"))
            .ThenNothing();

    [Fact]
    public void Releasing_after_the_commit_gives_nothing_back_the_stock_stays_sold() =>
        Stock.Given(Delivered(5), Reserved("o1", 2), Committed("o1", 2))
            .When(new ReleaseReservation(Sku, "o1"))
            .ThenNothing();

    [Fact]
    public void A_reservation_is_committed_with_the_quantity_it_held() =>
        Stock.Given(Delivered(5), Reserved("o1", 2))
            .When(new CommitReservation(Sku, "o1"))
            .Then(new ReservationCommitted(Sku, "o1", 2));

    [Fact]
    public void Committing_again_changes_nothing() =>
        Stock.Given(Delivered(5), Reserved("o1", 2), Committed("o1", 2))
            .When(new CommitReservation(Sku, "o1"))
            .ThenNothing();

    [Fact]
    public void Without_an_open_reservation_a_commit_takes_nothing_off_the_shelf() =>
        Stock.Given(Delivered(5))
            .When(new CommitReservation(Sku, "o1"))
            .ThenNothing();

    [Fact]
    public void The_state_forgets_an_order_once_its_reservation_is_committed_or_released()
    {
        var state = Stock.Given(Delivered(10), Reserved("o1", 2), Committed("o1", 2), Reserved("o2", 3), Released("o2", 3), Reserved("o3", 1)).State;

        Assert.Equal(["o3"], state.Reservations.Keys);
    }
}
