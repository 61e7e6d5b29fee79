using System.Diagnostics.CodeAnalysis;
using EventSourcing.Store;

namespace EventSourcing.Subscriptions;

/// <summary>
/// A subscriber as a class: what follows the feed under <see cref="Name"/>, at least once per event. Registered with
/// <c>AddSubscription&lt;THandler&gt;()</c>, it is constructed by dependency injection and run as a <see cref="Subscriber"/>.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "It handles stored events, not a .NET event: the name says what it is to a domain author.")]
public interface IEventHandler
{
    /// <summary>Stable name: where the subscription resumes after a restart and under which its dead letters are kept.</summary>
    string Name { get; }

    /// <summary>Which events must be handled in order among themselves (e.g. those of one order); null: per stream.</summary>
    string? KeyOf(RecordedEvent recorded);

    /// <summary>
    /// Handles one event; it may see the same event again after a failure or restart, so it must be idempotent.
    /// Throwing retries it under the subscription's <see cref="DeliveryPolicy"/>, then parks it; a
    /// <see cref="PoisonEventException"/> parks it at once.
    /// </summary>
    Task HandleAsync(RecordedEvent recorded, CancellationToken cancellationToken);
}
