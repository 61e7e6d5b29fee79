using EventSourcing.Diagnostics;
using EventSourcing.Sagas;
using EventSourcing.Sqlite;
using EventSourcing.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Durable.Tests.Support;

/// <summary>
/// The local host on its SQLite stores with its sagas on Durable, as the Functions app has them: the saga client is a
/// <see cref="DurableSagaClient"/>, so the host's own checkout trigger starts and feeds Durable orchestrations from the
/// feed, and GET /api/sagas/{id} reads them. The embedded runner stays registered but is given no work.
/// </summary>
internal sealed class LocalHostOnDurable(string dataDirectory, DurableTaskClient durable, IReadOnlyDictionary<string, string?> settings)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:DataDirectory", dataDirectory);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ISagaClient>(new DurableSagaClient(durable));
            services.AddSingleton(sp => new StoreProbe(new InstrumentedEventStore(sp.GetRequiredService<SqliteEventStore>())));
            services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<StoreProbe>());
        });
    }
}
