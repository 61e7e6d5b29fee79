using EventSourcing.Deciders;
using Ordering.Contracts.Orders;
using Ordering.Domain.Orders;
using static Ordering.Tests.Orders.OrderHistory;

namespace Ordering.Tests.Orders;

public sealed class CheckoutTests
{
    [Fact]
    public void Checkout_hands_the_saga_every_remaining_line_and_the_total() =>
        Order.Given(
                Created,
                TwoBooks,
                new ItemAdded(Id, "pen-1", 3, 0.33m, "EUR"),
                new ItemAdded(Id, "mug-1", 1, 7m, "EUR"),
                new ItemRemoved(Id, "mug-1"))
            .When(new RequestCheckout(Id, Now))
            .Then(new CheckoutRequested(Id, Customer, [new OrderLine("book-1", 2, 9.5m), new OrderLine("pen-1", 3, 0.33m)], 19.99m, "EUR", Now));

    [Fact]
    public void An_order_without_lines_cannot_be_checked_out() =>
        Order.Given(Created)
            .When(new RequestCheckout(Id, Now))
            .ThenFails<DomainRuleViolationException>("order-empty");

    [Fact]
    public void An_order_whose_lines_were_all_removed_cannot_be_checked_out() =>
        Order.Given(Created, TwoBooks, new ItemRemoved(Id, "book-1"))
            .When(new RequestCheckout(Id, Now))
            .ThenFails<DomainRuleViolationException>("order-empty");

    [Fact]
    public void Checking_out_again_changes_nothing() =>
        Order.Given(Created, TwoBooks, CheckedOut)
            .When(new RequestCheckout(Id, Now.AddMinutes(1)))
            .ThenNothing();

    [Fact]
    public void Checking_out_a_shipped_order_changes_nothing() =>
        Order.Given(Created, TwoBooks, CheckedOut, Confirmed, Shipped)
            .When(new RequestCheckout(Id, Now))
            .ThenNothing();

    [Fact]
    public void A_cancelled_order_cannot_be_checked_out() =>
        Order.Given(Created, TwoBooks, Cancelled)
            .When(new RequestCheckout(Id, Now))
            .ThenFails<DomainRuleViolationException>("order-cancelled");
}
