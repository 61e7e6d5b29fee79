using Microsoft.Extensions.Configuration;

namespace Ordering.LocalHost.Tests.Cosmos;

public sealed class StoreProviderTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("Sqlite", false)]
    [InlineData("sqlite", false)]
    [InlineData("Cosmos", true)]
    [InlineData("cosmos", true)]
    public void Sqlite_is_the_default_and_Cosmos_is_chosen_by_name(string? provider, bool cosmos)
    {
        Assert.Equal(cosmos, StoreProvider.IsCosmos(Settings(("Store:Provider", provider))));
    }

    [Fact]
    public void An_unknown_provider_is_refused_at_startup_naming_the_choices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StoreProvider.IsCosmos(Settings(("Store:Provider", "Postgres"))));

        Assert.Contains("Sqlite (the default) or Cosmos", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Store:Cosmos:ConnectionString", "set CosmosDb instead of Store:Cosmos:ConnectionString")]
    [InlineData("Store:Cosmos:Endpoint", "set CosmosDb:accountEndpoint (environment variable CosmosDb__accountEndpoint) instead of Store:Cosmos:Endpoint")]
    [InlineData("Store:Cosmos:Database", "set CosmosDbName instead of Store:Cosmos:Database")]
    [InlineData("Store:Cosmos:CreateContainers", "set Store:CreateContainers instead of Store:Cosmos:CreateContainers")]
    public void A_retired_Store_Cosmos_key_stops_the_host_naming_the_key_that_replaced_it(string retired, string advice)
    {
        // On either provider: a deployment that still sets it would otherwise run against a store it did not mean.
        foreach (var provider in new[] { "Cosmos", "Sqlite" })
        {
            var error = Assert.Throws<InvalidOperationException>(() => StoreProvider.IsCosmos(Settings(("Store:Provider", provider), (retired, "x"))));

            Assert.Contains(advice, error.Message, StringComparison.Ordinal);
        }
    }

    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();
}
