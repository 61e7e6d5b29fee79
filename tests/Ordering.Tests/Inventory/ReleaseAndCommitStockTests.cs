using EventSourcing.Deciders;
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
    public void A_committed_reservation_cannot_be_released() =>
        Stock.Given(Delivered(5), Reserved("o1", 2), Committed("o1", 2))
            .When(new ReleaseReservation(Sku, "o1"))
            .ThenFails<DomainRuleViolationException>("reservation-committed");

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
    public void Nothing_can_be_committed_without_a_reservation() =>
        Stock.Given(Delivered(5))
            .When(new CommitReservation(Sku, "o1"))
            .ThenFails<DomainRuleViolationException>("no-reservation");
}
