using EventSourcing.Cosmos.Projections;
using EventSourcing.Cosmos.Setup;
using Microsoft.Azure.Cosmos;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Ordering.Functions.Tests.Support;

namespace Ordering.Functions.Tests.ChangeFeed;

/// <summary>
/// The Cosmos DB trigger names its change-feed processor, and so its lease documents, by LeaseContainerPrefix (verified
/// in the extension's source, see FunctionsBackend.ProjectionProcessorName). Projection lag in /api/projections comes from an
/// estimator that must name the same processor over the same account and containers, or it counts leases nobody holds.
/// </summary>
public sealed class ProcessorNamingTests : IAsyncDisposable
{
    private readonly FunctionsComposition _app = new();

    private static CosmosDBTriggerAttribute TriggerOf(string function) => FunctionsApp.Trigger<CosmosDBTriggerAttribute>(FunctionsApp.Function(function))!;

    [Fact]
    public void The_lag_estimator_names_the_processor_the_read_model_trigger_runs()
    {
        var trigger = TriggerOf("ProjectReadModels");

        // The options the composed projection runtime (status, lag) was built with.
        Assert.Equal(trigger.LeaseContainerPrefix, _app.Services.GetRequiredService<ChangeFeedProjectionOptions>().ProcessorName);
        // The host would resolve a %setting% in the prefix and the estimator would not.
        Assert.DoesNotContain("%", trigger.LeaseContainerPrefix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_estimator_reads_the_account_database_and_containers_the_read_model_trigger_watches()
    {
        var trigger = TriggerOf("ProjectReadModels");
        var names = _app.Services.GetRequiredService<CosmosStoreNames>();

        // Lease ids embed the monitored account's host: the app's client must come from the trigger's connection.
        Assert.Equal("CosmosDb", trigger.Connection);
        Assert.Equal(FunctionsComposition.Account, _app.Services.GetRequiredService<CosmosClient>().Endpoint);
        Assert.Equal("%CosmosDbName%", trigger.DatabaseName);
        Assert.Equal(_app.Configuration["CosmosDbName"], names.Database);
        Assert.Equal(names.Events, trigger.ContainerName);
        Assert.Equal(names.Leases, trigger.LeaseContainerName);
        // Unset, the host takes the monitored database and connection for the leases too.
        Assert.Null(trigger.LeaseDatabaseName);
        Assert.Null(trigger.LeaseConnection);
    }

    [Fact]
    public void Each_change_feed_trigger_keeps_leases_of_its_own_in_the_shared_leases_container()
    {
        var prefixes = FunctionsApp.Functions.Select(FunctionsApp.Trigger<CosmosDBTriggerAttribute>).OfType<CosmosDBTriggerAttribute>()
            .Select(t => t.LeaseContainerPrefix).ToList();

        // Two triggers under one name would share leases and split the feed between them; no name means "".
        Assert.Equal(3, prefixes.Count);
        Assert.All(prefixes, p => Assert.False(string.IsNullOrEmpty(p)));
        Assert.Equal(prefixes.Count, prefixes.Distinct(StringComparer.Ordinal).Count());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
