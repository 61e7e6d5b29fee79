using Azure.Core;
using Azure.Identity;
using EventSourcing.Cosmos.Setup;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;

namespace EventSourcing.Hosting;

/// <summary>
/// The Cosmos settings both hosts read, named as the Functions CosmosDB trigger reads its connection: <c>CosmosDb</c> (a
/// connection string) or <c>CosmosDb:accountEndpoint</c> with optional <c>CosmosDb:clientId</c> (in environment
/// variables <c>CosmosDb__accountEndpoint</c>, <c>CosmosDb__clientId</c>), the database <c>CosmosDbName</c>, and
/// <c>Store:CreateContainers</c>.
/// </summary>
internal sealed record CosmosConnection(string? ConnectionString, Uri? Endpoint, string? ClientId, CosmosStoreNames Names, bool CreateContainers)
{
    /// <exception cref="InvalidOperationException">Neither or both of a connection string and an endpoint are set, or a value is malformed.</exception>
    public static CosmosConnection From(IConfiguration configuration, CosmosStorageOptions options)
    {
        var section = configuration.GetSection("CosmosDb");
        var connectionString = section.Value is { Length: > 0 } text ? text : null;
        var endpoint = section["accountEndpoint"] is { Length: > 0 } address ? address : null;
        if ((connectionString is null) == (endpoint is null))
            throw new InvalidOperationException(
                "UseCosmos() needs exactly one of CosmosDb (a connection string) or CosmosDb:accountEndpoint (environment variable " +
                "CosmosDb__accountEndpoint, with CosmosDb__clientId for a user-assigned managed identity).");
        Uri? uri = null;
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out uri) || uri.Scheme != Uri.UriSchemeHttps))
            throw new InvalidOperationException($"CosmosDb:accountEndpoint '{endpoint}' is not an https URL such as https://myaccount.documents.azure.com:443/.");
        var createContainers = configuration["Store:CreateContainers"] is { Length: > 0 } create
            ? bool.TryParse(create, out var yes) ? yes : throw new InvalidOperationException($"Store:CreateContainers is '{create}'; use true or false.")
            : false;
        var database = configuration["CosmosDbName"] is { Length: > 0 } name ? name : options.DefaultDatabase;
        return new CosmosConnection(connectionString, uri, section["clientId"] is { Length: > 0 } id ? id : null,
            new CosmosStoreNames { Database = database }, createContainers);
    }

    public CosmosClient CreateClient(TokenCredential? credential) => ConnectionString is { } connectionString
        ? CosmosClients.FromConnectionString(connectionString)
        : CosmosClients.FromEndpoint(Endpoint!, credential ?? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = ClientId }));

    /// <summary>Where the store is, for logs: never the connection string, which holds the key.</summary>
    public string Describe() => Endpoint is { } endpoint
        ? $"Cosmos DB {endpoint.Host}/{Names.Database} ({(ClientId is null ? "DefaultAzureCredential" : $"managed identity {ClientId}")})"
        : $"Cosmos DB {Names.Database} (connection string)";
}
