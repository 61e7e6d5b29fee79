using EventSourcing.Cosmos.Setup;

namespace EventSourcing.Cosmos.Tests.Setup;

/// <summary>The containers development creates; Bicep must declare the same partition keys and time to live.</summary>
public sealed class ContainerDefinitionTests
{
    [Fact]
    public void Each_container_has_the_partition_key_its_documents_are_written_with()
    {
        var containers = CosmosSetup.Containers(new CosmosStoreNames()).ToDictionary(c => c.Id, c => c.PartitionKeyPath);

        Assert.Equal(new Dictionary<string, string>
        {
            ["events"] = "/streamId", // one logical partition per stream: its commits and tip share a transactional batch
            ["leases"] = "/id", // what the change-feed processor requires
            ["readmodels"] = "/id",
            ["deadletters"] = "/streamId",
            ["requests"] = "/id",
        }, containers);
    }

    [Fact]
    public void Idempotent_responses_expire_by_their_own_ttl_and_nothing_else_does()
    {
        var containers = CosmosSetup.Containers(new CosmosStoreNames());

        Assert.Equal(-1, Assert.Single(containers, c => c.Id == "requests").DefaultTimeToLive);
        Assert.All(containers.Where(c => c.Id != "requests"), c => Assert.Null(c.DefaultTimeToLive));
    }

    [Fact]
    public void Event_data_is_never_indexed_so_appends_pay_only_for_the_few_paths_queries_use()
    {
        var events = CosmosSetup.EventsIndexing();

        Assert.Equal(["/*"], events.ExcludedPaths.Select(p => p.Path));
        Assert.DoesNotContain(events.IncludedPaths, p => p.Path.Contains("data", StringComparison.Ordinal));
    }

    [Fact]
    public void Correlation_traces_filter_on_an_indexed_path_and_sort_by_a_composite_index()
    {
        var events = CosmosSetup.EventsIndexing();

        Assert.Contains(events.IncludedPaths, p => p.Path == "/events/[]/correlationId/?");
        var composite = Assert.Single(events.CompositeIndexes);
        Assert.Equal(["/timestamp", "/streamId", "/first"], composite.Select(p => p.Path));
        Assert.All(composite, p => Assert.Equal(Microsoft.Azure.Cosmos.CompositePathSortOrder.Ascending, p.Order));
    }

    [Fact]
    public void Names_can_be_changed_to_match_what_bicep_created()
    {
        var names = new CosmosStoreNames { Database = "prod", Events = "ev" };

        Assert.Contains(CosmosSetup.Containers(names), c => c.Id == "ev" && c.PartitionKeyPath == "/streamId");
    }
}
