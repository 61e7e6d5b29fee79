namespace EventSourcing.Cosmos.Setup;

/// <summary>The database and containers the adapter uses; production names come from Bicep, these are the defaults.</summary>
public sealed record CosmosStoreNames
{
    /// <summary>The database holding every container.</summary>
    public string Database { get; init; } = "eventsourcing";

    /// <summary>Commits, tips and snapshots; partition key <c>/streamId</c>.</summary>
    public string Events { get; init; } = "events";

    /// <summary>Change-feed processor leases; partition key <c>/id</c>.</summary>
    public string Leases { get; init; } = "leases";

    /// <summary>Read-model documents of every projection; partition key <c>/id</c>.</summary>
    public string ReadModels { get; init; } = "readmodels";

    /// <summary>Parked projection events; partition key <c>/streamId</c>.</summary>
    public string DeadLetters { get; init; } = "deadletters";

    /// <summary>First responses of requests sent with an idempotency key; partition key <c>/id</c>, time to live on.</summary>
    public string Requests { get; init; } = "requests";
}
