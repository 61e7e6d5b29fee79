using EventSourcing.Projections;
using EventSourcing.Store;

namespace EventSourcing.Subscriptions;

/// <summary>
/// Named subscriptions to every event the store commits, at least once and never skipping one, however the store
/// delivers them: the global feed with a checkpoint (SQLite) or the change feed with leases (Cosmos). An event the
/// handler keeps failing on is parked in the subscription's dead letters (with what follows it for the same key) and
/// delivery moves on. Saga triggers use it, so the same trigger code runs on either store.
/// </summary>
public interface IEventSubscriptions
{
    /// <summary>Hands events to <paramref name="handle"/> until cancelled; events with the same key arrive in order among themselves.</summary>
    /// <param name="name">Stable name: where the subscription resumes after a restart.</param>
    /// <param name="keyOf">Which events must be handled in order (e.g. those of one order); null: per stream.</param>
    Task RunAsync(string name, Func<RecordedEvent, CancellationToken, Task> handle, Func<RecordedEvent, string?>? keyOf, CancellationToken cancellationToken);

    /// <summary>The subscription's parked events, in feed order.</summary>
    Task<IReadOnlyList<SubscriptionDeadLetter>> GetDeadLettersAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Hands the subscription's parked events to <paramref name="handle"/> again, in order per key; those that now pass are removed.</summary>
    Task<DeadLetterRetryResult> RetryDeadLettersAsync(string name, Func<RecordedEvent, CancellationToken, Task> handle, CancellationToken cancellationToken = default);
}
