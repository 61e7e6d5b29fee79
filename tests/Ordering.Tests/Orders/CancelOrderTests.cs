using EventSourcing.Deciders;
using Ordering.Contracts.Orders;
using Ordering.Domain.Orders;
using static Ordering.Tests.Orders.OrderHistory;

namespace Ordering.Tests.Orders;

public sealed class CancelOrderTests
{
    [Fact]
    public void A_draft_is_cancelled_with_its_reason_and_customer() =>
        Order.Given(Created, TwoBooks)
            .When(new CancelOrder(Id, "changed my mind", Now))
            .Then(new OrderCancelled(Id, Customer, "changed my mind", Now));

    [Fact]
    public void An_order_in_checkout_can_still_be_cancelled() =>
        Order.Given(Created, TwoBooks, CheckedOut)
            .When(new CancelOrder(Id, "changed my mind", Now))
            .Then(new OrderCancelled(Id, Customer, "changed my mind", Now));

    [Fact]
    public void A_confirmed_order_cannot_be_cancelled_for_it_is_paid_and_its_stock_taken() =>
        Order.Given(Created, TwoBooks, CheckedOut, Confirmed)
            .When(new CancelOrder(Id, "payment reversed", Now))
            .ThenFails<DomainRuleViolationException>("order-confirmed");

    [Fact]
    public void A_shipped_order_cannot_be_cancelled() =>
        Order.Given(Created, TwoBooks, CheckedOut, Confirmed, Shipped)
            .When(new CancelOrder(Id, "too late", Now))
            .ThenFails<DomainRuleViolationException>("order-shipped");

    [Fact]
    public void Cancelling_again_changes_nothing_whatever_the_reason() =>
        Order.Given(Created, Cancelled)
            .When(new CancelOrder(Id, "another reason", Now.AddHours(1)))
            .ThenNothing();

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void A_reason_is_required(string reason) =>
        Order.Given(Created)
            .When(new CancelOrder(Id, reason, Now))
            .ThenFails<CommandValidationException>("reason");

    [Fact]
    public void A_reason_longer_than_500_characters_is_refused() =>
        Order.Given(Created)
            .When(new CancelOrder(Id, new string('r', 501), Now))
            .ThenFails<CommandValidationException>("reason");
}
