using System.Text.Json.Serialization;
using EventSourcing.Hosting;
using EventSourcing.Sqlite.Sagas;
using Ordering.Contracts;
using Ordering.Http;

namespace Ordering.LocalHost;

/// <summary>
/// The composition root: the ordering backend from the building blocks on the embedded store (or Cosmos DB with
/// Store:Provider=Cosmos), its projections, checkout saga and subscriptions run in this process, and the HTTP API.
/// </summary>
internal static partial class OrderingBackend
{
    public static void AddOrderingBackend(this WebApplicationBuilder builder)
    {
        builder.ListenOnLoopbackByDefault();
        var configuration = builder.Configuration;
        var dataDirectory = HostDefaults.DataDirectory(configuration);
        var services = builder.Services;

        var events = services.AddEventSourcing(configuration, OrderingEventTypes.Create());
        if (StoreProvider.IsCosmos(configuration))
        {
            // The change feed starts and feeds the sagas; the embedded runner keeps its index of instances in sagas.db.
            services.AddSingleton(_ => new SqliteSagaStore(Path.Combine(dataDirectory, "sagas.db")));
            events.UseCosmos(o =>
            {
                o.DefaultDatabase = "ordering";
                o.SagaIndex = sp => sp.GetRequiredService<SqliteSagaStore>();
            });
        }
        else events.UseSqlite(o => o.DataDirectory = dataDirectory);
        events.AddOrderingReadModels().AddCheckoutSagas();

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
