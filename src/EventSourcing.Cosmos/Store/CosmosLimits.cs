namespace EventSourcing.Cosmos.Store;

/// <summary>What one Cosmos transactional batch may carry (documented service limits).</summary>
public static class CosmosLimits
{
    /// <summary>Largest document Cosmos stores (2 MiB), less room for the system properties it adds.</summary>
    public const int MaxDocumentBytes = 2 * 1024 * 1024 - 1024;

    /// <summary>Largest transactional batch request (2 MiB), less room for the batch's own envelope.</summary>
    public const int MaxBatchBytes = 2 * 1024 * 1024 - 8 * 1024;

    /// <summary>Most operations in one transactional batch; an append always uses two.</summary>
    public const int MaxBatchOperations = 100;
}
