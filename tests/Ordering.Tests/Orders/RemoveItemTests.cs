using EventSourcing.Deciders;
using Ordering.Contracts.Orders;
using Ordering.Domain.Orders;
using static Ordering.Tests.Orders.OrderHistory;

namespace Ordering.Tests.Orders;

public sealed class RemoveItemTests
{
    [Fact]
    public void A_line_is_removed() =>
        Order.Given(Created, TwoBooks)
            .When(new RemoveItem(Id, "book-1"))
            .Then(new ItemRemoved(Id, "book-1"));

    [Fact]
    public void Removing_a_line_the_order_does_not_have_changes_nothing() =>
        Order.Given(Created, TwoBooks)
            .When(new RemoveItem(Id, "pen-1"))
            .ThenNothing();

    [Fact]
    public void Removing_a_line_twice_changes_nothing_the_second_time() =>
        Order.Given(Created, TwoBooks, new ItemRemoved(Id, "book-1"))
            .When(new RemoveItem(Id, "book-1"))
            .ThenNothing();

    [Fact]
    public void The_sku_to_remove_must_be_valid() =>
        Order.Given(Created, TwoBooks)
            .When(new RemoveItem(Id, "book 1"))
            .ThenFails<CommandValidationException>("sku");

    [Fact]
    public void No_line_is_removed_after_checkout() =>
        Order.Given(Created, TwoBooks, CheckedOut)
            .When(new RemoveItem(Id, "book-1"))
            .ThenFails<DomainRuleViolationException>("order-not-editable");

    [Fact]
    public void No_line_is_removed_from_a_cancelled_order() =>
        Order.Given(Created, TwoBooks, Cancelled)
            .When(new RemoveItem(Id, "book-1"))
            .ThenFails<DomainRuleViolationException>("order-cancelled");
}
