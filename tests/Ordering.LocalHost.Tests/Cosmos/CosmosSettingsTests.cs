using Microsoft.Extensions.Configuration;

namespace Ordering.LocalHost.Tests.Cosmos;

public sealed class CosmosSettingsTests
{
    private const string Emulator = "AccountEndpoint=https://localhost:8081/;AccountKey=a2V5;";

    [Theory]
    [InlineData(null, false)]
    [InlineData("Sqlite", false)]
    [InlineData("sqlite", false)]
    [InlineData("Cosmos", true)]
    [InlineData("cosmos", true)]
    public void Sqlite_is_the_default_and_Cosmos_is_chosen_by_name(string? provider, bool cosmos)
    {
        Assert.Equal(cosmos, CosmosSettings.IsSelected(Settings(("Store:Provider", provider))));
    }

    [Fact]
    public void An_unknown_provider_is_refused_at_startup_naming_the_choices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CosmosSettings.IsSelected(Settings(("Store:Provider", "Postgres"))));

        Assert.Contains("Sqlite (the default) or Cosmos", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_alone_is_enough_and_containers_are_not_created_unless_asked()
    {
        var settings = CosmosSettings.From(Settings(("Store:Cosmos:ConnectionString", Emulator)));

        Assert.Equal(new CosmosSettings(Emulator, null, "ordering", CreateContainers: false), settings);
        Assert.DoesNotContain("a2V5", settings.Describe(), StringComparison.Ordinal); // the key never reaches a log
    }

    [Fact]
    public void An_endpoint_with_a_database_and_container_creation()
    {
        var settings = CosmosSettings.From(Settings(
            ("Store:Cosmos:Endpoint", "https://acct.documents.azure.com:443/"), ("Store:Cosmos:Database", "shop"), ("Store:Cosmos:CreateContainers", "true")));

        Assert.Equal((new Uri("https://acct.documents.azure.com:443/"), "shop", true), (settings.Endpoint, settings.Database, settings.CreateContainers));
        Assert.Equal("shop", settings.Names.Database);
        Assert.Contains("acct.documents.azure.com/shop", settings.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(Emulator, "https://acct.documents.azure.com:443/")]
    public void Exactly_one_of_connection_string_and_endpoint_is_required(string? connectionString, string? endpoint)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            CosmosSettings.From(Settings(("Store:Cosmos:ConnectionString", connectionString), ("Store:Cosmos:Endpoint", endpoint))));

        Assert.Contains("exactly one of Store:Cosmos:ConnectionString or Store:Cosmos:Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Store:Cosmos:Endpoint", "http://acct.documents.azure.com/")]
    [InlineData("Store:Cosmos:Endpoint", "acct")]
    [InlineData("Store:Cosmos:CreateContainers", "yes")]
    public void Malformed_values_are_refused_naming_the_setting(string key, string value)
    {
        var settings = key.EndsWith("Endpoint", StringComparison.Ordinal)
            ? Settings((key, value))
            : Settings(("Store:Cosmos:ConnectionString", Emulator), (key, value));

        var error = Assert.Throws<InvalidOperationException>(() => CosmosSettings.From(settings));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();
}
