using EventSourcing.Hosting;
using Microsoft.Extensions.Configuration;

namespace EventSourcing.Cosmos.Tests.Hosting;

/// <summary>UseCosmos reads the names the Functions CosmosDB trigger reads: CosmosDb, CosmosDb:accountEndpoint/clientId, CosmosDbName.</summary>
public sealed class CosmosConnectionTests
{
    private const string Emulator = "AccountEndpoint=https://localhost:8081/;AccountKey=a2V5;";

    [Fact]
    public void A_connection_string_alone_is_enough_and_containers_are_not_created_unless_asked()
    {
        var connection = CosmosConnection.From(Settings(("CosmosDb", Emulator)), new CosmosStorageOptions());

        Assert.Equal((Emulator, (Uri?)null, "eventsourcing", false), (connection.ConnectionString, connection.Endpoint, connection.Names.Database, connection.CreateContainers));
        Assert.DoesNotContain("a2V5", connection.Describe(), StringComparison.Ordinal); // the key never reaches a log
    }

    [Fact]
    public void An_endpoint_with_a_managed_identity_a_database_and_container_creation_as_environment_variables_name_them()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // What CosmosDb__accountEndpoint, CosmosDb__clientId and CosmosDbName in the environment become.
            ["CosmosDb:accountEndpoint"] = "https://acct.documents.azure.com:443/",
            ["CosmosDb:clientId"] = "0000-identity",
            ["CosmosDbName"] = "shop",
            ["Store:CreateContainers"] = "true",
        }).Build();

        var connection = CosmosConnection.From(settings, new CosmosStorageOptions { DefaultDatabase = "ordering" });

        Assert.Equal((new Uri("https://acct.documents.azure.com:443/"), "0000-identity", "shop", true),
            (connection.Endpoint, connection.ClientId, connection.Names.Database, connection.CreateContainers));
        Assert.Contains("acct.documents.azure.com/shop (managed identity 0000-identity)", connection.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_CosmosDbName_the_hosts_default_database_is_used()
    {
        var connection = CosmosConnection.From(Settings(("CosmosDb", Emulator)), new CosmosStorageOptions { DefaultDatabase = "ordering" });

        Assert.Equal("ordering", connection.Names.Database);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(Emulator, "https://acct.documents.azure.com:443/")]
    public void Exactly_one_of_connection_string_and_endpoint_is_required(string? connectionString, string? endpoint)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            CosmosConnection.From(Settings(("CosmosDb", connectionString), ("CosmosDb:accountEndpoint", endpoint)), new CosmosStorageOptions()));

        Assert.Contains("exactly one of CosmosDb (a connection string) or CosmosDb:accountEndpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("CosmosDb__accountEndpoint", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CosmosDb:accountEndpoint", "http://acct.documents.azure.com/")]
    [InlineData("CosmosDb:accountEndpoint", "acct")]
    [InlineData("Store:CreateContainers", "yes")]
    public void Malformed_values_are_refused_naming_the_setting(string key, string value)
    {
        var settings = key.StartsWith("CosmosDb", StringComparison.Ordinal) ? Settings((key, value)) : Settings(("CosmosDb", Emulator), (key, value));

        var error = Assert.Throws<InvalidOperationException>(() => CosmosConnection.From(settings, new CosmosStorageOptions()));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();
}
