using EventSourcing.Deciders;
using EventSourcing.Diagnostics;
using EventSourcing.Feed;
using EventSourcing.Idempotency;
using EventSourcing.Projections;
using EventSourcing.Serialization;
using EventSourcing.Sqlite;
using EventSourcing.Sqlite.Projections;
using EventSourcing.Store;
using System.Text.Json.Serialization;
using Ordering.Contracts;
using Ordering.Http;
using Ordering.ReadModels;

namespace Ordering.LocalHost;

/// <summary>The composition root: the embedded store, projections, the application and the HTTP API in one process.</summary>
internal static partial class OrderingBackend
{
    public static void AddOrderingBackend(this WebApplicationBuilder builder)
    {
        builder.ListenOnLoopbackByDefault();
        var configuration = builder.Configuration;
        var dataDirectory = HostDefaults.DataDirectory(configuration);
        var services = builder.Services;

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new EventSerializer(OrderingEventTypes.Create()));
        services.AddSingleton(_ => new StateCache());
        services.AddSingleton(_ => SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = Path.Combine(dataDirectory, "events.db") }));
        services.AddSingleton<IEventFeed>(sp => sp.GetRequiredService<SqliteEventStore>());
        services.AddSingleton<IEventFeedReader>(sp => new SqliteFeedReader(sp.GetRequiredService<SqliteEventStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStreamDirectory>(sp => sp.GetRequiredService<SqliteEventStore>());
        services.AddSingleton<IEventStore>(sp => new InstrumentedEventStore(sp.GetRequiredService<SqliteEventStore>()));
        services.AddSingleton<ICorrelationIndex>(sp => sp.GetRequiredService<SqliteEventStore>().Correlations);
        services.AddSingleton(sp => new AggregateStore(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<EventSerializer>(), sp.GetRequiredService<SqliteEventStore>().Snapshots,
            cache: sp.GetRequiredService<StateCache>()));

        services.AddSingleton(_ => SqliteProjectionStore.Open(new SqliteProjectionStoreOptions { DatabasePath = Path.Combine(dataDirectory, "readmodels.db") }));
        services.AddSingleton<IProjectionStore>(sp => sp.GetRequiredService<SqliteProjectionStore>());
        services.AddSingleton<IReadModelStore>(sp => sp.GetRequiredService<SqliteProjectionStore>());
        services.AddSingleton<IProjectionRuntime>(sp => new ProjectionRunner(
            sp.GetRequiredService<IEventFeed>(), sp.GetRequiredService<EventSerializer>(), OrderingReadModels.All,
            sp.GetRequiredService<IProjectionStore>(), logger: sp.GetRequiredService<ILogger<ProjectionRunner>>()));
        services.AddHostedService<ProjectionWorker>();
        services.AddCheckoutSagas(dataDirectory, configuration);

        services.AddSingleton<IIdempotencyStore>(_ => new SqliteIdempotencyStore(Path.Combine(dataDirectory, "requests.db")));
        services.UseCosmosWhenConfigured(configuration); // Store:Provider=Cosmos replaces the embedded stores above
        services.AddSingleton(ApiKeyMiddleware.Credential(configuration));
        services.AddOrderingApplication(configuration);

        // A lambda, not a method group: ASP.NET intercepts this call to add the XML doc comments, and only in this form.
        services.AddOpenApi(options => OpenApiConventions.Configure(options));
        // The document's schemas follow these options: they must say what the endpoints write (ApiJson), enums as strings.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = FrameworkProblems.AddCode);
        services.AddOtlpWhenConfigured(configuration);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
    }

    public static void UseOrderingBackend(this WebApplication app)
    {
        app.UseStatusCodePages(); // routing's own 404, 405 and 415 answer as problem details too
        app.UseMiddleware<ApiKeyMiddleware>();
        app.MapOpenApi("/api/openapi.json");
        app.MapOrderingApi();
        app.MapOperatorConsole();
        app.Lifetime.ApplicationStarted.Register(() =>
            LogStarted(app.Logger, string.Join(", ", app.Urls), HostDefaults.DataDirectory(app.Configuration)));
    }

    [LoggerMessage(LogLevel.Information, "Ordering backend listening on {Urls}; data in {DataDirectory}")]
    private static partial void LogStarted(ILogger logger, string urls, string dataDirectory);
}
