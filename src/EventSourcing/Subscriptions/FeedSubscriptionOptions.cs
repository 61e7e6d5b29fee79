using EventSourcing.Store;

namespace EventSourcing.Subscriptions;

/// <summary>How a feed subscription reads, orders, retries and parks.</summary>
public sealed record FeedSubscriptionOptions(int PageSize = 256)
{
    /// <summary>Which events must be handled in order among themselves (e.g. all events of one order); null: all of them.</summary>
    public Func<RecordedEvent, string?>? KeyOf { get; init; }

    /// <summary>How often the checkpoint is saved while events keep coming.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Concurrency, tries before parking, the pauses between them (also after a storage fault) and the clock.</summary>
    public DeliveryPolicy Delivery { get; init; } = new();
}
