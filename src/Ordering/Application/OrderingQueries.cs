using EventSourcing.Projections;
using EventSourcing.Serialization;
using EventSourcing.Store;
using Ordering.Domain;
using Ordering.ReadModels;

namespace Ordering.Application;

/// <summary>
/// The ordering reads: current state from the read models (optionally waiting for a version the
/// caller wrote), past state folded from the events themselves.
/// </summary>
public sealed class OrderingQueries(
    IReadModelStore readModels, IProjectionRuntime projections, IEventStore events, EventSerializer serializer, ReadYourWrites readYourWrites)
{
    private static readonly OrderDetailsProjection OrderDetailsFold = new();

    /// <summary>The order's read model; when <paramref name="minVersion"/> is ahead of it, waits up to the read-your-writes timeout.</summary>
    /// <returns>The order (null when unknown) and whether it is older than <paramref name="minVersion"/>.</returns>
    public async Task<(OrderDetails? Order, bool Stale)> GetOrderAsync(string orderId, long minVersion, CancellationToken cancellationToken)
    {
        StreamId.Validate(StreamIds.Order(orderId));
        var reached = minVersion <= 0 || await projections.WaitForDocumentVersionAsync(
            OrderDetailsProjection.ProjectionName, orderId, StreamIds.Order(orderId), minVersion, readYourWrites.Timeout, cancellationToken);
        var order = await readModels.GetAsync<OrderDetails>(OrderDetailsProjection.ProjectionName, orderId, cancellationToken);
        return (order, !reached);
    }

    /// <summary>
    /// The order as it was at a version or an instant, folded from its events with the same code as the
    /// read model, so past and present answers have one shape. Null when the order did not exist then.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The order never reached <paramref name="atVersion"/>.</exception>
    public async Task<OrderDetails?> GetOrderAtAsync(string orderId, long? atVersion, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var streamId = StreamIds.Order(orderId);
        IReadOnlyList<RecordedEvent> recorded;
        try
        {
            recorded = await events.ReadStreamAsync(streamId, new StreamReadOptions(UntilVersion: atVersion, Until: asOf), cancellationToken);
        }
        catch (StreamNotFoundException)
        {
            return null;
        }
        if (atVersion is { } wanted && (recorded.Count == 0 || recorded[^1].StreamVersion < wanted))
            throw new KeyNotFoundException($"Order '{orderId}' has no version {wanted}.");

        OrderDetails? order = null;
        foreach (var e in recorded) order = OrderDetailsFold.Apply(order, serializer.Deserialize(e), e);
        return order;
    }

    /// <summary>A page of orders, optionally of one customer and in one status, ordered by order id.</summary>
    /// <exception cref="InvalidContinuationTokenException">The token did not come from a previous page.</exception>
    public async Task<ReadModelPage<OrderListItem>> ListOrdersAsync(
        string? customerId, OrderStatusFilter? status, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = new ReadModelQuery { Limit = limit, ContinuationToken = continuationToken };
        if (customerId is not null) query = query.Where("customerId", customerId);
        if (status is not null) query = query.Where("status", status.Value.ToString());
        var page = await readModels.QueryAsync<OrderSummary>(OrderListProjection.ProjectionName, query, cancellationToken);
        return new([.. page.Items.Select(o => new OrderListItem(o.OrderId, o.CustomerId, o.Status, o.Total, o.Currency, o.CreatedAt, o.UpdatedAt))],
            page.ContinuationToken);
    }

    public async Task<StockLevel?> GetStockAsync(string sku, CancellationToken cancellationToken)
    {
        StreamId.Validate(StreamIds.Inventory(sku));
        var level = await readModels.GetAsync<StockLevelView>(InventoryProjection.ProjectionName, sku, cancellationToken);
        return level is null ? null : new(level.Sku, level.OnHand, level.Reserved, level.Available, level.Version);
    }

    public async Task<CustomerSummaryView?> GetCustomerSummaryAsync(string customerId, CancellationToken cancellationToken)
    {
        var summary = await readModels.GetAsync<CustomerSummary>(CustomerSummaryProjection.ProjectionName, customerId, cancellationToken);
        return summary is null ? null : new(summary.CustomerId, summary.OrderCount, summary.CancelledCount, summary.Spent, summary.UpdatedAt);
    }
}
