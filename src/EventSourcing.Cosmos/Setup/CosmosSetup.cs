using Microsoft.Azure.Cosmos;

namespace EventSourcing.Cosmos.Setup;

/// <summary>
/// Creates the database and containers when they are missing: for development and tests only, behind an explicit
/// option. Production containers come from Bicep (with the same partition keys and indexing), and an identity with
/// the data-plane role cannot create them anyway.
/// </summary>
public static class CosmosSetup
{
    /// <summary>
    /// The events container's indexing: only what appends and reads query, so writes stay cheap (event data is never
    /// indexed); the stream id orders and bounds the stream listing across partitions. Correlation traces filter on the
    /// events' correlation ids and sort by (timestamp, streamId, first).
    /// </summary>
    public static IndexingPolicy EventsIndexing()
    {
        var policy = Indexing(
            included: ["/streamId/?", "/kind/?", "/first/?", "/last/?", "/timestamp/?", "/events/[]/id/?", "/events/[]/correlationId/?"],
            excluded: ["/*"]);
        policy.CompositeIndexes.Add(
        [
            new CompositePath { Path = "/timestamp", Order = CompositePathSortOrder.Ascending },
            new CompositePath { Path = "/streamId", Order = CompositePathSortOrder.Ascending },
            new CompositePath { Path = "/first", Order = CompositePathSortOrder.Ascending },
        ]);
        return policy;
    }

    /// <summary>Read models are queried on any top-level property; only the per-stream version map is left out.</summary>
    public static IndexingPolicy ReadModelsIndexing() => Indexing(included: ["/*"], excluded: ["/versions/*"]);

    /// <summary>Idempotent responses are only ever read by id: nothing is indexed, so saving one costs the least.</summary>
    public static IndexingPolicy RequestsIndexing() => Indexing(included: [], excluded: ["/*"]);

    /// <summary>The container definitions, for <see cref="EnsureCreatedAsync"/> and for checking Bicep against.</summary>
    public static IReadOnlyList<ContainerProperties> Containers(CosmosStoreNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return
        [
            new(names.Events, "/streamId") { IndexingPolicy = EventsIndexing() },
            new(names.Leases, "/id"),
            new(names.ReadModels, "/id") { IndexingPolicy = ReadModelsIndexing() },
            new(names.DeadLetters, "/streamId"),
            // -1: time to live on, with no default; each record carries its own ttl (the retention window).
            new(names.Requests, "/id") { DefaultTimeToLive = -1, IndexingPolicy = RequestsIndexing() },
        ];
    }

    /// <summary>Creates whatever of the database and its containers is missing; leaves existing ones as they are.</summary>
    public static async Task<Database> EnsureCreatedAsync(CosmosClient client, CosmosStoreNames names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(names);
        Database database = await client.CreateDatabaseIfNotExistsAsync(names.Database, cancellationToken: cancellationToken);
        foreach (var container in Containers(names))
            await database.CreateContainerIfNotExistsAsync(container, cancellationToken: cancellationToken);
        return database;
    }

    private static IndexingPolicy Indexing(string[] included, string[] excluded)
    {
        var policy = new IndexingPolicy { IndexingMode = IndexingMode.Consistent, Automatic = true };
        foreach (var path in included) policy.IncludedPaths.Add(new IncludedPath { Path = path });
        foreach (var path in excluded) policy.ExcludedPaths.Add(new ExcludedPath { Path = path });
        return policy;
    }
}
