using Azure.Identity;
using EventSourcing.Cosmos.Setup;
using Microsoft.Azure.Cosmos;

namespace EventSourcing.Cosmos.Tests.Emulator;

/// <summary>
/// The Cosmos account the emulator tests use: COSMOS_CONNECTION_STRING (the emulator's, in the GitHub workflow) or
/// COSMOS_ENDPOINT with DefaultAzureCredential. Without either, those tests are skipped, saying so.
/// </summary>
public static class CosmosEnvironment
{
    public const string SkipReason =
        "Neither COSMOS_CONNECTION_STRING nor COSMOS_ENDPOINT is set: no Cosmos DB (emulator or account) to test against.";

    private static readonly string? ConnectionString = Environment.GetEnvironmentVariable("COSMOS_CONNECTION_STRING");
    private static readonly string? Endpoint = Environment.GetEnvironmentVariable("COSMOS_ENDPOINT");
    private static readonly Lazy<Task<Database>> Shared = new(CreateAsync);

    public static bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(Endpoint);

    public static CosmosStoreNames Names { get; } = new() { Database = "eventsourcing-tests" };

    /// <summary>The test database with every container created; skips the calling test when no Cosmos is configured.</summary>
    public static Task<Database> DatabaseAsync()
    {
        Assert.SkipUnless(IsConfigured, SkipReason);
        return Shared.Value;
    }

    private static async Task<Database> CreateAsync()
    {
        var client = string.IsNullOrWhiteSpace(ConnectionString)
            ? CosmosClients.FromEndpoint(new Uri(Endpoint!), new DefaultAzureCredential())
            : CosmosClients.FromConnectionString(ConnectionString);
        return await CosmosSetup.EnsureCreatedAsync(client, Names);
    }
}
