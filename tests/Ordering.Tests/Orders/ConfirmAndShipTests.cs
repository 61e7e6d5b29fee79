using EventSourcing.Deciders;
using Ordering.Contracts.Orders;
using Ordering.Domain.Orders;
using static Ordering.Tests.Orders.OrderHistory;

namespace Ordering.Tests.Orders;

public sealed class ConfirmAndShipTests
{
    [Fact]
    public void A_checked_out_order_is_confirmed_with_its_total() =>
        Order.Given(Created, TwoBooks, CheckedOut)
            .When(new ConfirmOrder(Id, Now.AddMinutes(5)))
            .Then(new OrderConfirmed(Id, Customer, 19m, "EUR", Now.AddMinutes(5)));

    [Fact]
    public void A_draft_cannot_be_confirmed() =>
        Order.Given(Created, TwoBooks)
            .When(new ConfirmOrder(Id, Now))
            .ThenFails<DomainRuleViolationException>("checkout-not-requested");

    [Fact]
    public void Confirming_again_changes_nothing() =>
        Order.Given(Created, TwoBooks, CheckedOut, Confirmed)
            .When(new ConfirmOrder(Id, Now))
            .ThenNothing();

    [Fact]
    public void Confirming_a_shipped_order_changes_nothing() =>
        Order.Given(Created, TwoBooks, CheckedOut, Confirmed, Shipped)
            .When(new ConfirmOrder(Id, Now))
            .ThenNothing();

    [Fact]
    public void A_cancelled_order_cannot_be_confirmed() =>
        Order.Given(Created, TwoBooks, CheckedOut, Cancelled)
            .When(new ConfirmOrder(Id, Now))
            .ThenFails<DomainRuleViolationException>("order-cancelled");

    [Fact]
    public void A_confirmed_order_ships() =>
        Order.Given(Created, TwoBooks, CheckedOut, Confirmed)
            .When(new ShipOrder(Id, Now.AddDays(1)))
            .Then(new OrderShipped(Id, Now.AddDays(1)));

    [Fact]
    public void A_draft_does_not_ship() =>
        Order.Given(Created, TwoBooks)
            .When(new ShipOrder(Id, Now))
            .ThenFails<DomainRuleViolationException>("order-not-confirmed");

    [Fact]
    public void An_order_awaiting_confirmation_does_not_ship() =>
        Order.Given(Created, TwoBooks, CheckedOut)
            .When(new ShipOrder(Id, Now))
            .ThenFails<DomainRuleViolationException>("order-not-confirmed");

    [Fact]
    public void Shipping_again_changes_nothing() =>
        Order.Given(Created, TwoBooks, CheckedOut, Confirmed, Shipped)
            .When(new ShipOrder(Id, Now.AddDays(2)))
            .ThenNothing();

    [Fact]
    public void A_cancelled_order_does_not_ship() =>
        Order.Given(Created, TwoBooks, CheckedOut, Confirmed, Cancelled)
            .When(new ShipOrder(Id, Now))
            .ThenFails<DomainRuleViolationException>("order-cancelled");
}
