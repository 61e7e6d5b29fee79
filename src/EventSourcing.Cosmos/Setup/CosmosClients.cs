using Azure.Core;
using Microsoft.Azure.Cosmos;

namespace EventSourcing.Cosmos.Setup;

/// <summary>CosmosClient construction with the settings this adapter expects.</summary>
public static class CosmosClients
{
    /// <summary>
    /// Options for the adapter: gateway mode (what the Linux emulator and restricted networks need) unless asked
    /// otherwise. The adapter reads and writes streams itself, so the client's serializer does not matter to it.
    /// </summary>
    public static CosmosClientOptions Options(bool gateway = true, string applicationName = "eventsourcing") => new()
    {
        ApplicationName = applicationName,
        ConnectionMode = gateway ? ConnectionMode.Gateway : ConnectionMode.Direct,
        // Writes answer with headers only: the adapter never needs the body it just sent back.
        EnableContentResponseOnWrite = false,
    };

    /// <summary>From a connection string (<c>AccountEndpoint=…;AccountKey=…;</c>), e.g. the emulator's.</summary>
    public static CosmosClient FromConnectionString(string connectionString, CosmosClientOptions? options = null) =>
        new(connectionString, options ?? Options());

    /// <summary>From an account endpoint and a token credential (managed identity, DefaultAzureCredential).</summary>
    public static CosmosClient FromEndpoint(Uri endpoint, TokenCredential credential, CosmosClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new(endpoint.AbsoluteUri, credential, options ?? Options(gateway: false));
    }
}
