using System.Text.Json;
using EventSourcing.Deciders;
using EventSourcing.Sagas;
using EventSourcing.Serialization;
using EventSourcing.Store;
using EventSourcing.Subscriptions;
using Ordering.Contracts.Orders;
using Ordering.Contracts.Payments;
using Ordering.Domain;

namespace Ordering.Checkout;

/// <summary>
/// Turns committed events into saga work, from the feed (no dual write): CheckoutRequested starts
/// <c>checkout-{orderId}</c>; payment callbacks and cancellations are raised to it. Every call is keyed by the event
/// that caused it, so a redelivered event starts nothing new and raises nothing twice. An event it cannot read is
/// parked in the subscription's dead letters (where an operator sees it and can retry it), never dropped: that
/// order's later events wait behind it there.
/// </summary>
public sealed class CheckoutTrigger(ISagaClient sagas, EventSerializer serializer, CheckoutOptions options) : IEventHandler
{
    public const string SubscriptionName = "checkout-saga-trigger";

    // Only these events concern sagas; the rest of the feed is passed over without being read.
    private readonly HashSet<string> _relevant = [.. new[] { typeof(CheckoutRequested), typeof(PaymentConfirmed), typeof(PaymentFailed), typeof(OrderCancelled) }
        .Select(type => serializer.TypeMap.GetStoredType(type).Name)];

    /// <summary>
    /// Events of one order (its order and payment streams) must reach its saga in feed order: the start before a
    /// payment callback. Events of different orders need no order among them, so they are handled in parallel.
    /// </summary>
    public static string? OrderingKey(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var stream = recorded.StreamId;
        foreach (var prefix in (ReadOnlySpan<string>)[StreamIds.Order(""), StreamIds.Payment("")])
            if (stream.StartsWith(prefix, StringComparison.Ordinal)) return stream[prefix.Length..];
        return stream;
    }

    /// <summary>The subscription's name, <see cref="SubscriptionName"/>.</summary>
    public string Name => SubscriptionName;

    /// <summary>An order's events in feed order, orders in parallel: <see cref="OrderingKey"/>.</summary>
    public string? KeyOf(RecordedEvent recorded) => OrderingKey(recorded);

    /// <summary>This trigger as the feed's subscriber: its name, its handler and its ordering key.</summary>
    public Subscriber Subscriber => new(SubscriptionName, HandleAsync, OrderingKey);

    /// <exception cref="PoisonEventException">The event cannot be read: retrying it as it is would not help.</exception>
    public async Task HandleAsync(RecordedEvent recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (!_relevant.Contains(recorded.Type)) return;
        object domainEvent;
        try
        {
            domainEvent = serializer.Deserialize(recorded);
        }
        catch (JsonException e)
        {
            throw new PoisonEventException(
                $"{recorded.Type} {recorded.EventId} of {recorded.StreamId} cannot be read (schema version {recorded.SchemaVersion}): {e.Message}", e);
        }

        switch (domainEvent)
        {
            case CheckoutRequested e:
                var trace = new SagaTrace(recorded.Metadata.CorrelationId, recorded.EventId.ToString());
                var input = new CheckoutInput(e.OrderId, e.CustomerId, e.Lines, e.Total, e.Currency, options.PaymentTimeout, trace);
                await sagas.StartAsync(CheckoutSaga.Name, CheckoutSaga.InstanceId(e.OrderId), input,
                    new SagaStartOptions(trace.CorrelationId, trace.CausationId), cancellationToken);
                break;
            case PaymentConfirmed e:
                await RaiseAsync(e.OrderId, CheckoutSaga.PaymentEvent, new PaymentResult(true, e.Amount, null), recorded, cancellationToken);
                break;
            case PaymentFailed e:
                await RaiseAsync(e.OrderId, CheckoutSaga.PaymentEvent, new PaymentResult(false, null, e.Reason), recorded, cancellationToken);
                break;
            case OrderCancelled e:
                await RaiseAsync(e.OrderId, CheckoutSaga.CancelledEvent, new OrderCancellation(e.Reason), recorded, cancellationToken);
                break;
        }
    }

    private async Task RaiseAsync(string orderId, string eventName, object payload, RecordedEvent cause, CancellationToken cancellationToken)
    {
        try
        {
            await sagas.RaiseEventAsync(CheckoutSaga.InstanceId(orderId), eventName, payload, EventIds.FromName($"raised\n{cause.EventId}"), cancellationToken);
        }
        catch (SagaNotFoundException)
        {
            // No checkout runs for this order (cancelled or paid before checkout): nobody waits for this news.
        }
    }
}
