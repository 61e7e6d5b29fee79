using EventSourcing.Projections;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Subscriptions;

/// <summary>
/// How every subscription hands events to its handler, whatever feed they come from: each group (one key) in order,
/// groups side by side. A handler that throws gets the same event again after a growing pause, up to
/// <see cref="DeliveryPolicy.MaxAttempts"/> tries (one for a <see cref="PoisonEventException"/>); then the event is
/// parked in the subscription's dead letters and delivery moves on. What follows a parked event with the same key is
/// parked behind it, now and in later batches, so a retry hands the key's events over in their order. When this returns
/// every event was handled or parked, so the caller may acknowledge them; a storage fault of the dead-letter store
/// escapes instead, and the batch must then be delivered again.
/// </summary>
public static partial class KeyedDelivery
{
    /// <summary>Delivers <paramref name="groups"/> as the type describes; returns once each event was handled or parked.</summary>
    /// <param name="subscription">The subscription's name, the key of its dead letters.</param>
    /// <param name="handle">The handler; it must be idempotent, since a redelivered batch hands events over again.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the batch must be delivered again.</exception>
    public static async Task HandleAsync(
        string subscription, IEnumerable<IGrouping<string, RecordedEvent>> groups, Func<RecordedEvent, CancellationToken, Task> handle,
        DeliveryPolicy policy, ISubscriptionDeadLetterStore deadLetters, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(deadLetters);
        var keyed = groups.Select(g => (g.Key, Events: g.ToList())).ToList();
        if (keyed.Count == 0) return;
        using var turn = await SubscriptionGates.EnterAsync(deadLetters, subscription, cancellationToken);
        var parked = await deadLetters.GetParkedKeysAsync(subscription, [.. keyed.Select(k => k.Key)], cancellationToken);
        await Parallel.ForEachAsync(keyed, new ParallelOptions { MaxDegreeOfParallelism = policy.MaxConcurrency, CancellationToken = cancellationToken },
            async (group, ct) =>
            {
                Guid? blockedBy = parked.TryGetValue(group.Key, out var first) ? first : null;
                foreach (var e in group.Events)
                {
                    if (blockedBy is { } earlier)
                    {
                        // (The parked event itself, delivered again, is where it belongs already.)
                        if (earlier != e.EventId)
                            await deadLetters.ParkAsync(new(subscription, group.Key, e, SubscriptionDeadLetter.WaitingBehind(earlier), 0, policy.TimeProvider.GetUtcNow()), ct);
                        continue;
                    }
                    if (await TryHandleAsync(subscription, e, handle, policy, logger, ct) is not { } failure) continue;
                    await deadLetters.ParkAsync(new(subscription, group.Key, e, DeadLetterError.Describe(failure.Error), failure.Attempts, policy.TimeProvider.GetUtcNow()), ct);
                    blockedBy = e.EventId;
                }
            });
    }

    /// <returns>Null once the handler passed; the last error and the number of tries once it is given up on.</returns>
    private static async Task<(Exception Error, int Attempts)?> TryHandleAsync(
        string subscription, RecordedEvent e, Func<RecordedEvent, CancellationToken, Task> handle, DeliveryPolicy policy, ILogger logger,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await handle(e, cancellationToken);
                return null;
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (error is PoisonEventException || attempt >= policy.MaxAttempts)
                {
                    LogParked(logger, error, subscription, e.StreamId, e.StreamVersion, e.EventId, attempt);
                    return (error, attempt);
                }
                var pause = policy.Backoff.After(attempt);
                LogRetrying(logger, error, subscription, e.StreamId, e.StreamVersion, attempt, pause);
                await Task.Delay(pause, policy.TimeProvider, cancellationToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Subscription {Subscription} failed on {StreamId}@{Version} (attempt {Attempt}); trying again in {Pause}")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string subscription, string streamId, long version, int attempt, TimeSpan pause);

    [LoggerMessage(LogLevel.Error, "Subscription {Subscription} parked {StreamId}@{Version} (event {EventId}) after {Attempts} attempt(s); later events of its key wait behind it")]
    private static partial void LogParked(ILogger logger, Exception exception, string subscription, string streamId, long version, Guid eventId, int attempts);
}
