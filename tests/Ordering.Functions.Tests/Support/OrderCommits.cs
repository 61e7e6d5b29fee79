using EventSourcing.Cosmos.Documents;
using EventSourcing.Serialization;
using EventSourcing.Store;
using Ordering.Checkout;
using Ordering.Contracts;
using Ordering.Contracts.Orders;
using Ordering.Domain;

namespace Ordering.Functions.Tests.Support;

/// <summary>An order's commit up to its checkout, as the change feed delivers it, and the saga input it must start.</summary>
internal sealed record CheckedOutOrder(string OrderId, CommitDocument Commit, CommitDocument Tip, CheckoutRequested Requested, Guid RequestedEventId, string CorrelationId)
{
    public string SagaId => CheckoutSaga.InstanceId(OrderId);

    public CheckoutInput ExpectedInput(TimeSpan paymentTimeout) => new(
        Requested.OrderId, Requested.CustomerId, Requested.Lines, Requested.Total, Requested.Currency, paymentTimeout,
        new SagaTrace(CorrelationId, RequestedEventId.ToString()));
}

/// <summary>Commit documents of the ordering domain, serialized as the event store writes them.</summary>
internal static class OrderCommits
{
    private static readonly EventSerializer Serializer = new(OrderingEventTypes.Create());
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>An order created, given a line and checked out, appended in one commit; the feed brings its tip too.</summary>
    public static CheckedOutOrder CheckedOut()
    {
        var orderId = $"o-{Guid.NewGuid():N}";
        var stream = StreamIds.Order(orderId);
        var correlationId = $"request-{orderId}";
        var lines = new[] { new OrderLine("SKU-1", 2, 12.50m) };
        var requested = new CheckoutRequested(orderId, "customer-7", lines, 25.00m, "EUR", At.AddMinutes(1));
        var requestedId = Guid.NewGuid();
        var metadata = new EventMetadata(correlationId);
        EventData[] events =
        [
            Serializer.Serialize(new OrderCreated(orderId, "customer-7", "EUR", At), Guid.NewGuid(), metadata),
            Serializer.Serialize(new ItemAdded(orderId, "SKU-1", 2, 12.50m, "EUR"), Guid.NewGuid(), metadata),
            Serializer.Serialize(requested, requestedId, metadata),
        ];
        var commit = DocumentMapper.ToCommit(stream, 1, At.AddMinutes(1), events);
        var tip = new CommitDocument { Id = DocumentKinds.TipId, StreamId = stream, Kind = DocumentKinds.Tip, Timestamp = commit.Timestamp };
        return new CheckedOutOrder(orderId, commit, tip, requested, requestedId, correlationId);
    }

    /// <summary>One change-feed batch holding these orders' documents.</summary>
    public static IReadOnlyList<CommitDocument> Batch(params CheckedOutOrder[] orders) => [.. orders.SelectMany(o => new[] { o.Commit, o.Tip })];
}
