using EventSourcing.Feed;
using EventSourcing.Idempotency;
using EventSourcing.Projections;
using EventSourcing.Sagas;
using EventSourcing.Sagas.Embedded;
using EventSourcing.Sqlite;
using EventSourcing.Sqlite.Projections;
using EventSourcing.Sqlite.Sagas;
using EventSourcing.Store;
using EventSourcing.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Hosting;

/// <summary>The embedded store as the building blocks' choice: everything in SQLite files under one folder, run in the host's process.</summary>
public static class SqliteEventSourcingBuilderExtensions
{
    /// <summary>
    /// Chooses the embedded SQLite store, in <see cref="SqliteStorageOptions.DataDirectory"/> (the <c>Store:DataDirectory</c>
    /// setting, default "data"): events, snapshots, the global feed and the correlation index in events.db; read models,
    /// projection checkpoints and dead letters in readmodels.db, kept up to date by a <see cref="ProjectionRunner"/> the host
    /// runs in the background; idempotent responses in requests.db; saga instances, subscription checkpoints and their dead
    /// letters in sagas.db, with the <see cref="EmbeddedSagaRunner"/> (the <see cref="ISagaClient"/>) and every subscriber
    /// run in the background (files opened only once a saga or subscriber needs them).
    /// </summary>
    /// <param name="configure">Changes the options after they are read from configuration.</param>
    /// <exception cref="InvalidOperationException">Another store was chosen already.</exception>
    public static EventSourcingBuilder UseSqlite(this EventSourcingBuilder builder, Action<SqliteStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new SqliteStorageOptions();
        if (builder.Configuration["Store:DataDirectory"] is { Length: > 0 } configured) options.DataDirectory = configured;
        configure?.Invoke(options);
        var directory = Path.GetFullPath(options.DataDirectory);
        string PathOf(string file) => Path.Combine(directory, file);

        builder.UseStore(nameof(UseSqlite), sp => sp.GetRequiredService<SqliteEventStore>(), sp => sp.GetRequiredService<SqliteEventStore>().Snapshots);
        var services = builder.Services;
        services.AddSingleton(sp => SqliteEventStore.Open(new SqliteStoreOptions
        {
            DatabasePath = PathOf("events.db"), DurableCommits = options.DurableCommits, TimeProvider = sp.GetRequiredService<TimeProvider>(),
        }));
        services.AddSingleton<IEventFeed>(sp => sp.GetRequiredService<SqliteEventStore>());
        services.AddSingleton<IEventFeedReader>(sp => new SqliteFeedReader(sp.GetRequiredService<SqliteEventStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStreamDirectory>(sp => sp.GetRequiredService<SqliteEventStore>());
        services.AddSingleton<ICorrelationIndex>(sp => sp.GetRequiredService<SqliteEventStore>().Correlations);

        services.AddSingleton(sp => SqliteProjectionStore.Open(new SqliteProjectionStoreOptions
        {
            DatabasePath = PathOf("readmodels.db"), DurableCommits = options.DurableCommits, TimeProvider = sp.GetRequiredService<TimeProvider>(),
        }));
        services.AddSingleton<IProjectionStore>(sp => sp.GetRequiredService<SqliteProjectionStore>());
        services.AddSingleton<IReadModelStore>(sp => sp.GetRequiredService<SqliteProjectionStore>());
        services.AddSingleton<IProjectionRuntime>(sp => new ProjectionRunner(
            sp.GetRequiredService<IEventFeed>(), sp.GetRequiredService<Serialization.EventSerializer>(), sp.GetServices<IProjection>(),
            sp.GetRequiredService<IProjectionStore>(), logger: sp.GetRequiredService<ILogger<ProjectionRunner>>()));
        services.AddHostedService<ProjectionWorker>();

        services.AddSingleton<IIdempotencyStore>(_ => new SqliteIdempotencyStore(PathOf("requests.db")));

        services.AddSingleton(_ => new SqliteSagaStore(PathOf("sagas.db")));
        builder.RunSagasInProcess(sp => sp.GetRequiredService<SqliteSagaStore>());
        services.AddSingleton<IEventSubscriptions>(sp => new FeedSubscriptions(
            sp.GetRequiredService<IEventFeed>(), sp.GetRequiredService<SqliteSagaStore>(), sp.GetRequiredService<SqliteSagaStore>(),
            sp.GetRequiredService<DeliveryPolicy>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<SubscriptionWorker>();
        return builder;
    }
}
