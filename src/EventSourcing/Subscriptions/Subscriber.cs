using EventSourcing.Store;

namespace EventSourcing.Subscriptions;

/// <summary>What follows the feed under a name: the handler, and which events it must see in order among themselves.</summary>
/// <param name="Name">Stable name: where the subscription resumes after a restart and under which its dead letters are kept.</param>
/// <param name="KeyOf">Which events must be handled in order (e.g. those of one order); null: per stream.</param>
public sealed record Subscriber(string Name, Func<RecordedEvent, CancellationToken, Task> Handle, Func<RecordedEvent, string?>? KeyOf = null)
{
    /// <summary>The one among <paramref name="subscribers"/> named <paramref name="name"/>.</summary>
    /// <exception cref="UnknownSubscriptionException">None is.</exception>
    public static Subscriber Named(IEnumerable<Subscriber> subscribers, string name) =>
        subscribers.FirstOrDefault(s => s.Name == name) ?? throw new UnknownSubscriptionException(name);
}
