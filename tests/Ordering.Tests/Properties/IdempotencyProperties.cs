using FsCheck;
using FsCheck.Fluent;
using Ordering.Domain.Inventory;
using Ordering.Domain.Orders;
using Ordering.Domain.Payments;
using Ordering.Tests.Support;

namespace Ordering.Tests.Properties;

/// <summary>Clients, feeds and saga activities retry: a command that just took effect, sent again, adds nothing.</summary>
public sealed class IdempotencyProperties
{
    [Fact]
    public void An_order_command_repeated_on_the_state_it_left_adds_nothing() =>
        Prop.ForAll(RandomCommands.ForOrder, commands =>
        {
            foreach (var step in OrderDecider.Decider.Run(commands))
                Assert.Empty(OrderDecider.Decide(step.Command, step.After));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_payment_command_repeated_on_the_state_it_left_adds_nothing() =>
        Prop.ForAll(RandomCommands.ForPayment, commands =>
        {
            foreach (var step in PaymentDecider.Decider.Run(commands))
                Assert.Empty(PaymentDecider.Decide(step.Command, step.After));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_stock_command_repeated_adds_nothing_except_a_delivery_which_counts_again() =>
        Prop.ForAll(RandomCommands.ForStock, commands =>
        {
            foreach (var step in StockDecider.Decider.Run(commands))
            {
                var again = StockDecider.Decide(step.Command, step.After);
                // AddStock is deduplicated by the request's Idempotency-Key upstream, not by the decider.
                if (step.Command is AddStock) Assert.True(Structural.Equal(step.Events, again), "a second delivery must add the same stock again");
                else Assert.Empty(again);
            }
        }).QuickCheckThrowOnFailure();
}
