using EventSourcing.Deciders;
using Ordering.Contracts.Inventory;
using Ordering.Domain.Inventory;
using static Ordering.Tests.Inventory.StockHistory;

namespace Ordering.Tests.Inventory;

public sealed class AddAndReserveStockTests
{
    [Fact]
    public void Stock_is_added() =>
        Stock.Given(Delivered(5))
            .When(new AddStock(Sku, 3))
            .Then(new StockAdded(Sku, 3));

    [Fact]
    public void Adding_the_same_stock_twice_is_two_deliveries() =>
        Stock.Given(Delivered(3))
            .When(new AddStock(Sku, 3))
            .Then(new StockAdded(Sku, 3));

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public void Added_stock_must_be_positive(int quantity) =>
        Stock.Given()
            .When(new AddStock(Sku, quantity))
            .ThenFails<CommandValidationException>("quantity");

    [Fact]
    public void Every_inventory_command_needs_a_valid_sku() =>
        Stock.Given()
            .When(new AddStock("book 1", 1))
            .ThenFails<CommandValidationException>("sku");

    [Fact]
    public void An_order_reserves_what_is_available() =>
        Stock.Given(Delivered(5), Reserved("o1", 2))
            .When(new ReserveStock(Sku, "o2", 3))
            .Then(new StockReserved(Sku, "o2", 3));

    [Fact]
    public void An_order_cannot_reserve_more_than_is_available() =>
        Stock.Given(Delivered(5), Reserved("o1", 2))
            .When(new ReserveStock(Sku, "o2", 4))
            .ThenFails<DomainRuleViolationException>("insufficient-stock");

    [Fact]
    public void Released_stock_is_available_again() =>
        Stock.Given(Delivered(5), Reserved("o1", 5), Released("o1", 5))
            .When(new ReserveStock(Sku, "o2", 5))
            .Then(new StockReserved(Sku, "o2", 5));

    [Fact]
    public void Reserving_the_same_quantity_again_changes_nothing() =>
        Stock.Given(Delivered(5), Reserved("o1", 2))
            .When(new ReserveStock(Sku, "o1", 2))
            .ThenNothing();

    [Fact]
    public void Reserving_a_different_quantity_for_the_same_order_is_refused() =>
        Stock.Given(Delivered(5), Reserved("o1", 2))
            .When(new ReserveStock(Sku, "o1", 3))
            .ThenFails<DomainRuleViolationException>("reservation-exists");

    [Theory]
    [InlineData("", 1, "orderId")]
    [InlineData("o1", 0, "quantity")]
    public void A_reservation_needs_an_order_and_a_positive_quantity(string orderId, int quantity, string field) =>
        Stock.Given(Delivered(5))
            .When(new ReserveStock(Sku, orderId, quantity))
            .ThenFails<CommandValidationException>(field);
}
