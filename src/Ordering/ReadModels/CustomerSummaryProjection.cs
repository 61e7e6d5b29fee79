using EventSourcing.Projections;
using EventSourcing.Store;
using Ordering.Domain.Orders;

namespace Ordering.ReadModels;

/// <summary>What a customer has ordered and spent, fed by all of the customer's order streams.</summary>
/// <param name="Spent">Confirmed spend per currency.</param>
/// <param name="ConfirmedOrders">Total of each confirmed order, so a later cancellation takes exactly that amount back.</param>
public sealed record CustomerSummary(
    string CustomerId, int OrderCount, int CancelledCount, IReadOnlyDictionary<string, decimal> Spent,
    IReadOnlyDictionary<string, Money> ConfirmedOrders, DateTimeOffset UpdatedAt);

/// <summary>An amount in a currency.</summary>
public sealed record Money(decimal Amount, string Currency);

/// <summary>Keeps <see cref="CustomerSummary"/> per customer.</summary>
public sealed class CustomerSummaryProjection : Projection<CustomerSummary>
{
    public const string ProjectionName = "customer-summary";

    public override string Name => ProjectionName;

    public override string? KeyOf(object domainEvent, RecordedEvent recorded) => domainEvent switch
    {
        OrderCreated e => e.CustomerId,
        OrderConfirmed e => e.CustomerId,
        OrderCancelled e => e.CustomerId,
        _ => null,
    };

    public override CustomerSummary? Apply(CustomerSummary? current, object domainEvent, RecordedEvent recorded)
    {
        var summary = current ?? new CustomerSummary(KeyOf(domainEvent, recorded)!, 0, 0, new Dictionary<string, decimal>(), new Dictionary<string, Money>(), recorded.Timestamp);
        summary = domainEvent switch
        {
            OrderCreated => summary with { OrderCount = summary.OrderCount + 1 },
            OrderConfirmed e => summary with
            {
                Spent = Add(summary.Spent, e.Currency, e.Total),
                ConfirmedOrders = new Dictionary<string, Money>(summary.ConfirmedOrders) { [e.OrderId] = new(e.Total, e.Currency) },
            },
            OrderCancelled e when summary.ConfirmedOrders.TryGetValue(e.OrderId, out var refunded) => summary with
            {
                CancelledCount = summary.CancelledCount + 1,
                Spent = Add(summary.Spent, refunded.Currency, -refunded.Amount),
                ConfirmedOrders = summary.ConfirmedOrders.Where(o => o.Key != e.OrderId).ToDictionary(),
            },
            OrderCancelled => summary with { CancelledCount = summary.CancelledCount + 1 },
            _ => summary,
        };
        return summary with { UpdatedAt = recorded.Timestamp };
    }

    private static Dictionary<string, decimal> Add(IReadOnlyDictionary<string, decimal> spent, string currency, decimal amount) =>
        new(spent) { [currency] = spent.GetValueOrDefault(currency) + amount };
}
