using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace EventSourcing.Subscriptions;

/// <summary>
/// One gate per subscription and dead-letter store in this process: a batch being delivered and a retry of the
/// subscription's dead letters take turns, so an event cannot be parked behind a letter the retry is just releasing
/// (it would wait there for the next retry). Across processes (several Functions instances) they may still overlap;
/// an event parked so shows as waiting and the next retry hands it over.
/// </summary>
internal static class SubscriptionGates
{
    private static readonly ConditionalWeakTable<ISubscriptionDeadLetterStore, ConcurrentDictionary<string, SemaphoreSlim>> Gates = new();

    public static async Task<IDisposable> EnterAsync(ISubscriptionDeadLetterStore store, string subscription, CancellationToken cancellationToken)
    {
        var gate = Gates.GetValue(store, _ => new(StringComparer.Ordinal)).GetOrAdd(subscription, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
