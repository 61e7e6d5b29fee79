using System.Runtime.CompilerServices;
using EventSourcing.Concurrency;

namespace EventSourcing.Subscriptions;

/// <summary>
/// One gate per subscription and dead-letter store in this process: a batch being delivered and a retry of the
/// subscription's dead letters take turns, so an event cannot be parked behind a letter the retry is just releasing
/// (it would wait there for the next retry). Across processes (several Functions instances) they may still overlap;
/// an event parked so shows as waiting and the next retry hands it over.
/// </summary>
internal static class SubscriptionGates
{
    private static readonly ConditionalWeakTable<ISubscriptionDeadLetterStore, KeyedTurns> Gates = new();

    public static Task<IDisposable> EnterAsync(ISubscriptionDeadLetterStore store, string subscription, CancellationToken cancellationToken) =>
        Gates.GetValue(store, _ => new KeyedTurns()).EnterAsync(subscription, cancellationToken);
}
