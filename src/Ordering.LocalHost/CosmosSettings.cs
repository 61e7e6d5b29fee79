using EventSourcing.Cosmos.Setup;

namespace Ordering.LocalHost;

/// <summary>
/// <c>Store:Provider</c> and the <c>Store:Cosmos:*</c> settings. SQLite is the default; <c>Cosmos</c> needs either a
/// connection string (the emulator's, say) or an account endpoint, reached with DefaultAzureCredential.
/// </summary>
internal sealed record CosmosSettings(string? ConnectionString, Uri? Endpoint, string Database, bool CreateContainers)
{
    public const string DefaultDatabase = "ordering";

    /// <summary>Whether <c>Store:Provider</c> asks for Cosmos.</summary>
    /// <exception cref="InvalidOperationException">The provider is neither Sqlite nor Cosmos.</exception>
    public static bool IsSelected(IConfiguration configuration)
    {
        var provider = configuration["Store:Provider"];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)) return false;
        if (provider.Equals("Cosmos", StringComparison.OrdinalIgnoreCase)) return true;
        throw new InvalidOperationException($"Store:Provider is '{provider}'; use Sqlite (the default) or Cosmos.");
    }

    /// <exception cref="InvalidOperationException">Neither or both of a connection string and an endpoint are set, or a value is malformed.</exception>
    public static CosmosSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Store:Cosmos");
        var connectionString = section["ConnectionString"] is { Length: > 0 } text ? text : null;
        var endpoint = section["Endpoint"] is { Length: > 0 } address ? address : null;
        if ((connectionString is null) == (endpoint is null))
            throw new InvalidOperationException(
                "Store:Provider=Cosmos needs exactly one of Store:Cosmos:ConnectionString or Store:Cosmos:Endpoint (used with DefaultAzureCredential).");
        Uri? uri = null;
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out uri) || uri.Scheme != Uri.UriSchemeHttps))
            throw new InvalidOperationException($"Store:Cosmos:Endpoint '{endpoint}' is not an https URL such as https://myaccount.documents.azure.com:443/.");
        var createContainers = section["CreateContainers"] is { Length: > 0 } create
            ? bool.TryParse(create, out var yes) ? yes : throw new InvalidOperationException($"Store:Cosmos:CreateContainers is '{create}'; use true or false.")
            : false;
        return new CosmosSettings(connectionString, uri, section["Database"] is { Length: > 0 } database ? database : DefaultDatabase, createContainers);
    }

    public CosmosStoreNames Names => new() { Database = Database };

    /// <summary>Where the store is, for logs: never the connection string, which holds the key.</summary>
    public string Describe() => Endpoint is { } endpoint
        ? $"Cosmos DB {endpoint.Host}/{Database} (DefaultAzureCredential)"
        : $"Cosmos DB {Database} (connection string)";
}
