using EventSourcing.Cosmos.Idempotency;
using EventSourcing.Cosmos.Projections;
using EventSourcing.Deciders;
using EventSourcing.Http.Pipeline;
using EventSourcing.Idempotency;
using EventSourcing.Projections;
using EventSourcing.Sqlite;
using EventSourcing.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ordering.Application;

namespace Ordering.LocalHost.Tests.Cosmos;

/// <summary>The host's composition on each provider, built but not started, so no Cosmos account is needed.</summary>
public sealed class CosmosWiringTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ordering-wiring-").FullName;

    [Fact]
    public async Task On_cosmos_every_store_the_api_uses_is_a_cosmos_one_and_no_sqlite_file_is_opened()
    {
        await using var app = Build(("Store:Provider", "Cosmos"), ("CosmosDb", "AccountEndpoint=https://127.0.0.1:9/;AccountKey=a2V5;"));

        Assert.IsType<ChangeFeedProjections>(app.Services.GetRequiredService<IProjectionRuntime>());
        Assert.IsType<CosmosReadModelStore>(app.Services.GetRequiredService<IReadModelStore>());
        Assert.IsType<CosmosIdempotencyStore>(app.Services.GetRequiredService<IIdempotencyStore>());
        Assert.Null(app.Services.GetService<IEventFeed>());
        Assert.Null(app.Services.GetService<SqliteEventStore>());
        // Everything the endpoints need resolves; none of it touched the data directory.
        _ = (app.Services.GetRequiredService<ApiPipeline>(), app.Services.GetRequiredService<OrderingCommands>(),
            app.Services.GetRequiredService<OrderingQueries>(), app.Services.GetRequiredService<AggregateStore>());
        Assert.Empty(Directory.EnumerateFiles(_dataDirectory));
        // The container check runs before the change-feed processor starts.
        Assert.Equal("CosmosStartup", app.Services.GetServices<IHostedService>().First().GetType().Name);
    }

    [Fact]
    public async Task Without_a_provider_the_host_runs_on_sqlite_with_the_feed_runner()
    {
        await using var app = Build();

        Assert.IsType<ProjectionRunner>(app.Services.GetRequiredService<IProjectionRuntime>());
        Assert.IsType<SqliteIdempotencyStore>(app.Services.GetRequiredService<IIdempotencyStore>());
        Assert.NotNull(app.Services.GetService<IEventFeed>());
    }

    [Fact]
    public void Cosmos_without_a_connection_string_or_endpoint_fails_at_startup_saying_what_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(("Store:Provider", "Cosmos")));

        Assert.Contains("CosmosDb (a connection string) or CosmosDb:accountEndpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_retired_Store_Cosmos_key_fails_the_host_at_startup_naming_its_replacement()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Build(("Store:Provider", "Cosmos"), ("Store:Cosmos:ConnectionString", "AccountEndpoint=https://127.0.0.1:9/;AccountKey=a2V5;")));

        Assert.Contains("set CosmosDb instead of Store:Cosmos:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_cosmos_the_read_model_dispatcher_writes_through_the_projection_generations()
    {
        await using var app = Build(("Store:Provider", "Cosmos"), ("CosmosDb", "AccountEndpoint=https://127.0.0.1:9/;AccountKey=a2V5;"));

        // A generation rebuilt and promoted is the one the change feed then writes: the dispatcher reads the generations record.
        Assert.Same(app.Services.GetRequiredService<CosmosReadModelStore>(), app.Services.GetRequiredService<ChangeFeedDispatcher>().Generations.Source);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }

    private WebApplication Build(params (string Key, string? Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Store:DataDirectory"] = _dataDirectory;
        foreach (var (key, value) in settings) builder.Configuration[key] = value;
        builder.AddOrderingBackend();
        return builder.Build();
    }
}
