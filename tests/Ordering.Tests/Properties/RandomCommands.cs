using FsCheck;
using FsCheck.Fluent;
using Ordering.Domain.Inventory;
using Ordering.Domain.Orders;
using Ordering.Domain.Payments;

namespace Ordering.Tests.Properties;

/// <summary>
/// Random command sequences for one aggregate. Values come from small pools so that commands
/// collide (same SKU, same order, same amount) and some are invalid or refused.
/// </summary>
public static class RandomCommands
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Gen<DateTimeOffset> At = Gen.Choose(0, 3).Select(m => Start.AddMinutes(m));
    private static readonly Gen<string> Skus = Gen.Elements("book-1", "pen-1", "mug-1");
    private static readonly Gen<string> Reasons = Gen.Elements("", "changed my mind", "declined");

    public static Arbitrary<OrderCommand[]> ForOrder { get; } = Gen.Frequency(
        (1, from customer in Gen.Elements("c1", "c2") from currency in Gen.Elements("EUR", "USD") from at in At
            select (OrderCommand)new CreateOrder("o1", customer, currency, at)),
        (4, from sku in Skus from quantity in Gen.Choose(0, 3) from price in Gen.Elements(0m, 1.5m, 2m)
            from currency in Gen.Elements<string?>(null, "EUR", "USD")
            select (OrderCommand)new AddItem("o1", sku, quantity, price, currency)),
        (2, Skus.Select(sku => (OrderCommand)new RemoveItem("o1", sku))),
        (2, At.Select(at => (OrderCommand)new RequestCheckout("o1", at))),
        (2, At.Select(at => (OrderCommand)new ConfirmOrder("o1", at))),
        (2, At.Select(at => (OrderCommand)new ShipOrder("o1", at))),
        (1, from reason in Reasons from at in At select (OrderCommand)new CancelOrder("o1", reason, at)))
        .ArrayOf().ToArbitrary();

    public static Arbitrary<InventoryCommand[]> ForStock { get; } = Gen.Frequency(
        (2, Gen.Choose(-1, 5).Select(quantity => (InventoryCommand)new AddStock("book-1", quantity))),
        (4, from order in Orders from quantity in Gen.Choose(0, 6) select (InventoryCommand)new ReserveStock("book-1", order, quantity)),
        (2, Orders.Select(order => (InventoryCommand)new ReleaseReservation("book-1", order))),
        (2, Orders.Select(order => (InventoryCommand)new CommitReservation("book-1", order))))
        .ArrayOf().ToArbitrary();

    public static Arbitrary<PaymentCommand[]> ForPayment { get; } = Gen.Frequency(
        (2, from amount in Amounts from currency in Gen.Elements("EUR", "USD") select (PaymentCommand)new RequestPayment("o1", amount, currency)),
        (2, Amounts.Select(amount => (PaymentCommand)new ConfirmPayment("o1", amount))),
        (1, Reasons.Select(reason => (PaymentCommand)new FailPayment("o1", reason))),
        (1, Reasons.Select(reason => (PaymentCommand)new RefundPayment("o1", reason))))
        .ArrayOf().ToArbitrary();

    private static Gen<string> Orders => Gen.Elements("", "o1", "o2", "o3");

    private static Gen<decimal> Amounts => Gen.Elements(0m, 10m, 19m);
}
