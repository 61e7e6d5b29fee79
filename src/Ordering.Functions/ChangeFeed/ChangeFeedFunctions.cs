using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Projections;
using EventSourcing.Cosmos.Subscriptions;
using EventSourcing.Durable;
using EventSourcing.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Ordering.Checkout;

namespace Ordering.Functions.ChangeFeed;

/// <summary>
/// The events container's change feed, three times (each with leases of its own): into the read models, into the
/// checkout saga's trigger, and into the refunds of payments that arrive for cancelled orders. Each handler returns
/// only when every event is applied, parked, handed on or refunded (the subscriptions park what their handler gives up
/// on, an unreadable CheckoutRequested among them, in their dead letters), and retries storage faults itself; the
/// retry attribute redelivers a batch whose handler was cut short (host shutdown), which would otherwise be lost. Each
/// takes the invocation's cancellation token, which the worker binds (host shutdown), rather than the FunctionContext,
/// so the tests call them exactly as the worker does.
/// </summary>
public sealed class ChangeFeedFunctions(
    ChangeFeedDispatcher dispatcher, ChangeFeedSubscriptions subscriptions, EventSerializer serializer, CheckoutOptions checkout,
    LatePaymentRefunds refunds)
{
    public const string ProjectionsLeasePrefix = "projections";
    public const string CheckoutLeasePrefix = "checkout-trigger";
    public const string RefundsLeasePrefix = "late-payment-refunds";

    [Function("ProjectReadModels")]
    [ExponentialBackoffRetry(-1, "00:00:04", "00:15:00")]
    public Task ProjectReadModels(
        [CosmosDBTrigger("%CosmosDbName%", "events", Connection = "CosmosDb", LeaseContainerName = "leases",
            LeaseContainerPrefix = ProjectionsLeasePrefix, StartFromBeginning = true, MaxItemsPerInvocation = 100)]
        IReadOnlyList<CommitDocument> documents,
        CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync([.. documents], cancellationToken);

    [Function("TriggerCheckoutSagas")]
    [ExponentialBackoffRetry(-1, "00:00:04", "00:15:00")]
    public Task TriggerCheckoutSagas(
        [CosmosDBTrigger("%CosmosDbName%", "events", Connection = "CosmosDb", LeaseContainerName = "leases",
            LeaseContainerPrefix = CheckoutLeasePrefix, StartFromBeginning = true, MaxItemsPerInvocation = 100)]
        IReadOnlyList<CommitDocument> documents,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var trigger = new CheckoutTrigger(new DurableSagaClient(client), serializer, checkout);
        return subscriptions.HandleBatchAsync(CheckoutTrigger.SubscriptionName, [.. documents], trigger.HandleAsync, CheckoutTrigger.OrderingKey, cancellationToken);
    }

    [Function("RefundLatePayments")]
    [ExponentialBackoffRetry(-1, "00:00:04", "00:15:00")]
    public Task RefundLatePayments(
        [CosmosDBTrigger("%CosmosDbName%", "events", Connection = "CosmosDb", LeaseContainerName = "leases",
            LeaseContainerPrefix = RefundsLeasePrefix, StartFromBeginning = true, MaxItemsPerInvocation = 100)]
        IReadOnlyList<CommitDocument> documents,
        CancellationToken cancellationToken) =>
        subscriptions.HandleBatchAsync(LatePaymentRefunds.SubscriptionName, [.. documents], refunds.HandleAsync, LatePaymentRefunds.OrderingKey, cancellationToken);
}
