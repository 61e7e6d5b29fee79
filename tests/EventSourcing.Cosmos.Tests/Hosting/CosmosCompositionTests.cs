using EventSourcing.Hosting;
using EventSourcing.Projections;
using EventSourcing.Sagas;
using EventSourcing.Tests.Hosting;
using EventSourcing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventSourcing.Cosmos.Tests.Hosting;

/// <summary>
/// UseCosmos composed and built, not started, on an account nothing listens at (the client connects on first use only):
/// which runtime drives the change feed, and the errors a host meets before any Cosmos call.
/// </summary>
public sealed class CosmosCompositionTests : IDisposable
{
    private const string Unreachable = "AccountEndpoint=https://127.0.0.1:9/;AccountKey=a2V5;";
    private readonly TempDirectory _data = new();

    [Fact]
    public void In_process_the_host_runs_the_processors_subscribers_and_saga_runner_after_creating_containers()
    {
        using var host = Build(o => o.SagaIndex = _ => new Sqlite.Sagas.SqliteSagaStore(_data.File("sagas.db")));

        var background = host.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();
        Assert.Equal("CosmosStartup", background[0]);
        Assert.Contains("ProjectionWorker", background);
        Assert.Contains("SubscriptionWorker", background);
        Assert.Contains("SagaRunnerWorker", background);
        Assert.IsType<Sagas.Embedded.EmbeddedSagaRunner>(host.Services.GetRequiredService<ISagaClient>());
    }

    [Fact]
    public async Task Driven_by_Functions_triggers_nothing_runs_in_the_background_and_rebuilds_are_refused()
    {
        using var host = Build(o => o.ChangeFeed = ChangeFeedDriver.FunctionsTriggers);

        var background = host.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();
        Assert.DoesNotContain("ProjectionWorker", background);
        Assert.DoesNotContain("SubscriptionWorker", background);
        Assert.Null(host.Services.GetService<ISagaClient>()); // Durable Functions runs the sagas
        await Assert.ThrowsAsync<NotSupportedException>(() =>
            host.Services.GetRequiredService<IProjectionRuntime>().RebuildAsync(EventSourcing.Tests.Projections.AccountBalances.ProjectionName, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Sagas_in_process_without_an_instance_index_fail_saying_which_option_to_set()
    {
        using var host = Build(configure: null);

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<ISagaClient>());
        Assert.Contains("CosmosStorageOptions.SagaIndex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cosmos_and_SQLite_together_fail_at_once()
    {
        var builder = ComposedBackend.Builder(_data.Path, ("CosmosDb", Unreachable));
        var events = builder.Services.AddEventSourcing(builder.Configuration, Account.Types()).UseCosmos();

        var error = Assert.Throws<InvalidOperationException>(() => events.UseSqlite());
        Assert.Contains("UseSqlite() was called after UseCosmos()", error.Message, StringComparison.Ordinal);
    }

    private IHost Build(Action<CosmosStorageOptions>? configure)
    {
        var builder = ComposedBackend.Builder(_data.Path, ("CosmosDb", Unreachable));
        builder.Services.AddEventSourcing(builder.Configuration, Account.Types()).UseCosmos(configure).AddAccounts();
        return builder.Build();
    }

    public void Dispose() => _data.Dispose();
}
