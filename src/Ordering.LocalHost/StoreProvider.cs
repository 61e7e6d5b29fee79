namespace Ordering.LocalHost;

/// <summary>
/// <c>Store:Provider</c>: Sqlite (the default) or Cosmos. The Cosmos settings are the Functions app's (<c>CosmosDb</c>,
/// <c>CosmosDb:accountEndpoint</c>, <c>CosmosDb:clientId</c>, <c>CosmosDbName</c>, <c>Store:CreateContainers</c>); the
/// <c>Store:Cosmos:*</c> keys this host read before are refused by name, so a deployment that still sets one stops at
/// startup instead of silently running on another store.
/// </summary>
internal static class StoreProvider
{
    /// <summary>Each retired key and the one that replaced it (README "Configuration" has the same table).</summary>
    public static IReadOnlyList<(string Old, string New)> Renamed { get; } =
    [
        ("Store:Cosmos:ConnectionString", "CosmosDb"),
        ("Store:Cosmos:Endpoint", "CosmosDb:accountEndpoint (environment variable CosmosDb__accountEndpoint)"),
        ("Store:Cosmos:Database", "CosmosDbName"),
        ("Store:Cosmos:CreateContainers", "Store:CreateContainers"),
    ];

    /// <summary>Whether <c>Store:Provider</c> asks for Cosmos.</summary>
    /// <exception cref="InvalidOperationException">The provider is neither Sqlite nor Cosmos, or a retired Store:Cosmos:* key is set.</exception>
    public static bool IsCosmos(IConfiguration configuration)
    {
        var retired = Renamed.Where(r => !string.IsNullOrEmpty(configuration[r.Old])).ToList();
        if (retired.Count > 0)
            throw new InvalidOperationException(
                "The Store:Cosmos:* settings were renamed to the Functions app's: " +
                string.Join("; ", retired.Select(r => $"set {r.New} instead of {r.Old}")) + " (README, \"Configuration\").");
        var provider = configuration["Store:Provider"];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)) return false;
        if (provider.Equals("Cosmos", StringComparison.OrdinalIgnoreCase)) return true;
        throw new InvalidOperationException($"Store:Provider is '{provider}'; use Sqlite (the default) or Cosmos.");
    }
}
