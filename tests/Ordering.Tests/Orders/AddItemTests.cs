using EventSourcing.Deciders;
using Ordering.Contracts.Orders;
using Ordering.Domain.Orders;
using static Ordering.Tests.Orders.OrderHistory;

namespace Ordering.Tests.Orders;

public sealed class AddItemTests
{
    [Fact]
    public void An_item_is_added_in_the_order_currency() =>
        Order.Given(Created)
            .When(new AddItem(Id, "book-1", 2, 9.5m))
            .Then(new ItemAdded(Id, "book-1", 2, 9.5m, "EUR"));

    [Fact]
    public void An_item_may_name_the_order_currency_and_may_be_free() =>
        Order.Given(Created)
            .When(new AddItem(Id, "gift_wrap.v2", 1, 0m, "EUR"))
            .Then(new ItemAdded(Id, "gift_wrap.v2", 1, 0m, "EUR"));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_quantity_must_be_positive(int quantity) =>
        Order.Given(Created)
            .When(new AddItem(Id, "book-1", quantity, 9.5m))
            .ThenFails<CommandValidationException>("quantity");

    [Fact]
    public void The_unit_price_must_not_be_negative() =>
        Order.Given(Created)
            .When(new AddItem(Id, "book-1", 1, -0.01m))
            .ThenFails<CommandValidationException>("unitPrice");

    [Theory]
    [InlineData("")]
    [InlineData("book 1")]
    [InlineData("book/1")]
    [InlineData("böök")]
    [InlineData("book#1")]
    public void The_sku_holds_only_letters_digits_dashes_underscores_and_dots(string sku) =>
        Order.Given(Created)
            .When(new AddItem(Id, sku, 1, 9.5m))
            .ThenFails<CommandValidationException>("sku");

    [Fact]
    public void The_sku_is_at_most_64_characters() =>
        Order.Given(Created)
            .When(new AddItem(Id, new string('s', 65), 1, 9.5m))
            .ThenFails<CommandValidationException>("sku");

    [Fact]
    public void Adding_the_identical_line_again_changes_nothing() =>
        Order.Given(Created, TwoBooks)
            .When(new AddItem(Id, "book-1", 2, 9.5m))
            .ThenNothing();

    [Theory]
    [InlineData(3, 9.5)]
    [InlineData(2, 8.0)]
    public void A_different_line_for_the_same_sku_is_refused(int quantity, double price) =>
        Order.Given(Created, TwoBooks)
            .When(new AddItem(Id, "book-1", quantity, (decimal)price))
            .ThenFails<DomainRuleViolationException>("line-exists");

    [Fact]
    public void A_line_can_be_changed_by_removing_it_first() =>
        Order.Given(Created, TwoBooks, new ItemRemoved(Id, "book-1"))
            .When(new AddItem(Id, "book-1", 3, 9.5m))
            .Then(new ItemAdded(Id, "book-1", 3, 9.5m, "EUR"));

    [Fact]
    public void An_item_in_another_currency_is_refused() =>
        Order.Given(Created)
            .When(new AddItem(Id, "book-1", 1, 9.5m, "USD"))
            .ThenFails<DomainRuleViolationException>("currency-mismatch");

    [Fact]
    public void An_item_currency_that_is_not_an_ISO_code_is_invalid() =>
        Order.Given(Created)
            .When(new AddItem(Id, "book-1", 1, 9.5m, "eur"))
            .ThenFails<CommandValidationException>("currency");

    [Fact]
    public void No_item_is_added_after_checkout() =>
        Order.Given(Created, TwoBooks, CheckedOut)
            .When(new AddItem(Id, "pen-1", 1, 1m))
            .ThenFails<DomainRuleViolationException>("order-not-editable");

    [Fact]
    public void No_item_is_added_to_a_shipped_order() =>
        Order.Given(Created, TwoBooks, CheckedOut, Confirmed, Shipped)
            .When(new AddItem(Id, "pen-1", 1, 1m))
            .ThenFails<DomainRuleViolationException>("order-not-editable");

    [Fact]
    public void No_item_is_added_to_a_cancelled_order() =>
        Order.Given(Created, Cancelled)
            .When(new AddItem(Id, "pen-1", 1, 1m))
            .ThenFails<DomainRuleViolationException>("order-cancelled");
}
