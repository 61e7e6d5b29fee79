using EventSourcing.Deciders;
using Ordering.Contracts.Orders;
using Ordering.Domain.Orders;
using static Ordering.Tests.Orders.OrderHistory;

namespace Ordering.Tests.Orders;

public sealed class CreateOrderTests
{
    [Fact]
    public void A_new_order_is_created_for_its_customer_in_its_currency() =>
        Order.Given()
            .When(new CreateOrder(Id, Customer, "EUR", Now))
            .Then(new OrderCreated(Id, Customer, "EUR", Now));

    [Fact]
    public void Creating_the_same_order_again_changes_nothing() =>
        Order.Given(Created)
            .When(new CreateOrder(Id, Customer, "EUR", Now.AddMinutes(1)))
            .ThenNothing();

    [Theory]
    [InlineData("c2", "EUR")]
    [InlineData(Customer, "USD")]
    public void Creating_an_existing_order_for_another_customer_or_currency_is_refused(string customer, string currency) =>
        Order.Given(Created)
            .When(new CreateOrder(Id, customer, currency, Now))
            .ThenFails<DomainRuleViolationException>("order-exists");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_customer_is_required(string customer) =>
        Order.Given()
            .When(new CreateOrder(Id, customer, "EUR", Now))
            .ThenFails<CommandValidationException>("customerId");

    [Fact]
    public void A_customer_id_longer_than_200_characters_is_refused() =>
        Order.Given()
            .When(new CreateOrder(Id, new string('c', 201), "EUR", Now))
            .ThenFails<CommandValidationException>("customerId");

    [Theory]
    [InlineData("")]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    public void The_currency_must_be_an_ISO_code(string currency) =>
        Order.Given()
            .When(new CreateOrder(Id, Customer, currency, Now))
            .ThenFails<CommandValidationException>("currency");

    public static TheoryData<OrderCommand> EveryCommandButCreate() =>
    [
        new AddItem(Id, "book-1", 1, 1m),
        new RemoveItem(Id, "book-1"),
        new RequestCheckout(Id, Now),
        new ConfirmOrder(Id, Now),
        new ShipOrder(Id, Now),
        new CancelOrder(Id, "no longer needed", Now),
    ];

    [Theory]
    [MemberData(nameof(EveryCommandButCreate))]
    public void Any_other_command_on_a_missing_order_is_not_found(OrderCommand command) =>
        Order.Given()
            .When(command)
            .ThenFails<DomainRuleViolationException>("order-not-found");
}
