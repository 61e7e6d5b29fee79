using EventSourcing.Projections;
using EventSourcing.Store;
using Ordering.Contracts.Orders;

namespace Ordering.ReadModels;

/// <summary>What a customer has ordered and spent, fed by all of the customer's order streams.</summary>
/// <param name="Spent">Confirmed spend per currency.</param>
public sealed record CustomerSummary(
    string CustomerId, int OrderCount, int CancelledCount, IReadOnlyDictionary<string, decimal> Spent, DateTimeOffset UpdatedAt);

/// <summary>
/// Keeps <see cref="CustomerSummary"/> per customer. Bounded by design however many orders a customer places: the
/// document holds counts and one total per currency, nothing per order. A confirmed order can no longer be cancelled
/// (409 order-confirmed), so a cancellation never takes spend back and no list of confirmed orders is needed; which
/// orders' events were applied is the runtime's bounded memory (<see cref="StreamVersions"/>), which turns every
/// redelivery away. (Orders confirmed and then cancelled before that rule keep their spend if a rebuild replays them;
/// documents built before kept a list of confirmed orders, dropped on their next write.)
/// </summary>
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
        var summary = current ?? new CustomerSummary(KeyOf(domainEvent, recorded)!, 0, 0, new Dictionary<string, decimal>(), recorded.Timestamp);
        summary = domainEvent switch
        {
            OrderCreated => summary with { OrderCount = summary.OrderCount + 1 },
            OrderConfirmed e => summary with { Spent = Add(summary.Spent, e.Currency, e.Total) },
            OrderCancelled => summary with { CancelledCount = summary.CancelledCount + 1 },
            _ => summary,
        };
        return summary with { UpdatedAt = recorded.Timestamp };
    }

    private static Dictionary<string, decimal> Add(IReadOnlyDictionary<string, decimal> spent, string currency, decimal amount) =>
        new(spent) { [currency] = spent.GetValueOrDefault(currency) + amount };
}
