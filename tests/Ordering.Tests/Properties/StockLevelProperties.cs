using FsCheck;
using FsCheck.Fluent;
using Ordering.Contracts.Inventory;
using Ordering.Domain.Inventory;
using Ordering.Tests.Support;

namespace Ordering.Tests.Properties;

public sealed class StockLevelProperties
{
    [Fact]
    public void Stock_never_goes_below_zero_and_no_more_is_sold_than_was_delivered() =>
        Prop.ForAll(RandomCommands.ForStock, commands =>
        {
            var (delivered, sold) = (0, 0);
            foreach (var step in StockDecider.Decider.Run(commands))
            {
                delivered += step.Events.OfType<StockAdded>().Sum(e => e.Quantity);
                sold += step.Events.OfType<ReservationCommitted>().Sum(e => e.Quantity);
                var state = step.After;
                Assert.True(state.Available >= 0, $"available {state.Available}");
                Assert.True(state.Reservations.Values.All(held => held > 0), "every reservation holds stock");
                Assert.Equal(delivered - sold, state.OnHand);
            }
        }).QuickCheckThrowOnFailure();
}
