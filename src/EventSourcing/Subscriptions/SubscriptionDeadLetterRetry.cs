using EventSourcing.Projections;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Subscriptions;

/// <summary>
/// Hands a subscription's parked events to its handler again once what made them fail is fixed, keeping each key's
/// events in feed order, as <see cref="KeyedDelivery"/> parked them.
/// </summary>
public static partial class SubscriptionDeadLetterRetry
{
    /// <summary>
    /// Hands a subscription's parked events to the handler again, each key in feed order, one try each: those that now
    /// pass are removed; a key stops at its first event that fails again, which counts one more attempt, and the rest
    /// of that key stay parked behind it.
    /// </summary>
    public static async Task<DeadLetterRetryResult> RetryAsync(
        string subscription, Func<RecordedEvent, CancellationToken, Task> handle, ISubscriptionDeadLetterStore deadLetters, TimeProvider time, ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(deadLetters);
        ArgumentNullException.ThrowIfNull(time);
        using var turn = await SubscriptionGates.EnterAsync(deadLetters, subscription, cancellationToken);
        var letters = await deadLetters.ListAsync(subscription, cancellationToken);
        var (applied, stillParked) = (0, 0);
        foreach (var key in letters.GroupBy(l => l.Key, StringComparer.Ordinal))
        {
            Guid? blockedBy = null;
            foreach (var letter in key.Order(SubscriptionDeadLetter.FeedOrder))
            {
                if (blockedBy is { } first)
                {
                    var waiting = SubscriptionDeadLetter.WaitingBehind(first);
                    if (letter.Error != waiting) await deadLetters.ParkAsync(letter with { Error = waiting }, cancellationToken);
                    stillParked++;
                    continue;
                }
                try
                {
                    await handle(letter.Event, cancellationToken);
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogRetryFailed(logger, error, subscription, letter.Event.StreamId, letter.Event.StreamVersion);
                    await deadLetters.ParkAsync(letter with { Error = DeadLetterError.Describe(error), Attempts = letter.Attempts + 1, ParkedAt = time.GetUtcNow() },
                        cancellationToken);
                    blockedBy = letter.Event.EventId;
                    stillParked++;
                    continue;
                }
                await deadLetters.ReleaseAsync(letter, cancellationToken);
                applied++;
            }
        }
        return new DeadLetterRetryResult(applied, stillParked);
    }

    [LoggerMessage(LogLevel.Error, "Subscription {Subscription} failed again on parked {StreamId}@{Version}; it stays parked")]
    private static partial void LogRetryFailed(ILogger logger, Exception exception, string subscription, string streamId, long version);
}
