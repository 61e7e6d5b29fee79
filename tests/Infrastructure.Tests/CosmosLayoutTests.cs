using System.Text.Json.Nodes;
using EventSourcing.Cosmos.Setup;
using Microsoft.Azure.Cosmos;

namespace Infrastructure.Tests;

/// <summary>The Cosmos DB containers Bicep deploys are the ones CosmosSetup creates in development, down to their indexing.</summary>
public sealed class CosmosLayoutTests
{
    private static readonly IReadOnlyList<ContainerProperties> Development = CosmosSetup.Containers(new CosmosStoreNames());

    [Fact]
    public async Task Given_cosmos_bicep_Then_it_deploys_exactly_the_containers_CosmosSetup_creates()
    {
        var deployed = await DeployedAsync();

        Assert.Equal(Development.Select(c => c.Id).Order(), deployed.Keys.Order());
    }

    [Fact]
    public async Task Given_each_container_Then_its_partition_key_ttl_and_indexing_policy_match_CosmosSetup()
    {
        var deployed = await DeployedAsync();

        Assert.All(Development, container =>
            Assert.Equal(Describe(container), deployed.TryGetValue(container.Id, out var bicep) ? Describe(bicep) : "(not deployed)"));
    }

    [Fact]
    public async Task Given_the_change_feed_triggers_Then_the_containers_they_watch_and_lease_from_are_deployed()
    {
        var deployed = await DeployedAsync();

        var used = AppSources.TriggerContainers();

        Assert.NotEmpty(used);
        Assert.All(used, container => Assert.Contains(container, deployed.Keys));
    }

    [Fact]
    public async Task Given_main_bicep_Then_the_database_it_creates_is_the_one_the_app_is_told_to_use()
    {
        var modules = await Deployments.ModulesAsync();

        Assert.Equal("[parameters('cosmosDatabaseName')]", (string?)modules["cosmos"]["databaseName"]!["value"]);
        Assert.Equal("[parameters('cosmosDatabaseName')]", (string?)modules["functionapp"]["cosmosDatabaseName"]!["value"]);
    }

    private static async Task<Dictionary<string, JsonObject>> DeployedAsync()
    {
        var arm = await Bicep.CompiledAsync("modules/cosmos.bicep");
        // The loop over the typed `containers` variable is the only place containers are declared.
        return arm["variables"]!["containers"]!.AsArray().Select(c => c!.AsObject()).ToDictionary(c => (string)c["id"]!);
    }

    private static string Describe(ContainerProperties c) => Describe(
        c.PartitionKeyPaths ?? [c.PartitionKeyPath], c.DefaultTimeToLive,
        c.IndexingPolicy.IndexingMode.ToString(), c.IndexingPolicy.Automatic,
        [.. c.IndexingPolicy.IncludedPaths.Select(p => p.Path)], [.. c.IndexingPolicy.ExcludedPaths.Select(p => p.Path)],
        [.. c.IndexingPolicy.CompositeIndexes.Select(index => string.Join(", ", index.Select(p => $"{p.Path} {p.Order.ToString().ToLowerInvariant()}")))],
        c.IndexingPolicy.SpatialIndexes.Count);

    private static string Describe(JsonObject c)
    {
        var indexing = c["indexingPolicy"];
        Assert.Equal("Hash", (string?)c["partitionKey"]!["kind"]);
        return Describe(
            [.. c["partitionKey"]!["paths"]!.AsArray().Select(p => (string)p!)], (int?)c["defaultTtl"],
            // No policy in Bicep is Cosmos DB's default, which is what an SDK ContainerProperties without one gets too.
            (string?)indexing?["indexingMode"] ?? "consistent", (bool?)indexing?["automatic"] ?? true,
            Paths(indexing?["includedPaths"]), Paths(indexing?["excludedPaths"]),
            Composites(indexing?["compositeIndexes"]), indexing?["spatialIndexes"]?.AsArray().Count ?? 0);
    }

    // Cosmos DB's default order for a composite path is ascending.
    private static string[] Composites(JsonNode? indexes) => indexes is null ? [] :
        [.. indexes.AsArray().Select(index => string.Join(", ", index!.AsArray().Select(p => $"{(string)p!["path"]!} {(string?)p["order"] ?? "ascending"}")))];

    private static string[] Paths(JsonNode? paths) => paths is null ? [] : [.. paths.AsArray().Select(p => (string)p!["path"]!)];

    private static string Describe(IEnumerable<string> partitionKeyPaths, int? ttl, string mode, bool automatic, string[] included, string[] excluded, string[] composites, int spatialIndexes) =>
        $"partition key {string.Join(",", partitionKeyPaths)}; ttl {ttl?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "off"}; " +
        $"indexing {mode.ToLowerInvariant()}, automatic {automatic}, included [{string.Join(" ", included)}], excluded [{string.Join(" ", excluded)}], " +
        $"composite [{string.Join("; ", composites)}], spatial {spatialIndexes}";
}
