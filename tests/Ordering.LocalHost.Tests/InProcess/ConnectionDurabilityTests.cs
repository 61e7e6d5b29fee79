using EventSourcing.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Ordering.LocalHost.Tests.Support;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>
/// What the SIGKILL test cannot show: that commits reach the disk (fsync) before they are acknowledged. Every SQLite
/// store the local host runs reports the settings of its live connections as SQLite reads them back.
/// </summary>
public sealed class ConnectionDurabilityTests
{
    [Fact]
    public async Task Every_SQLite_connection_the_local_host_writes_through_runs_in_WAL_mode_with_synchronous_FULL()
    {
        await using var api = new InProcessApi();
        IServiceCollection? registered = null;
        using var host = api.WithWebHostBuilder(b => b.ConfigureServices(services => registered = services));
        var client = host.CreateClient();
        // Something written through every store first: the connections asked are the ones in use.
        await client.Post("/api/orders", new { customerId = "cust-durable", currency = "EUR" }, ("Idempotency-Key", Guid.NewGuid().ToString()));

        // Every SQLite store the host composes, found from its registrations rather than listed here.
        var stores = registered!
            .Where(d => !d.IsKeyedService && d.Lifetime == ServiceLifetime.Singleton && IsStoreType(d.ServiceType))
            .Select(d => host.Services.GetService(d.ServiceType))
            .Where(s => s?.GetType().Assembly == typeof(SqliteEventStore).Assembly)
            .Distinct()
            .ToList();
        stores.AddRange(stores.OfType<SqliteEventStore>().Select(s => s.Snapshots).ToList());
        var unreported = stores.Where(s => s is not IReportsConnectionSettings).Select(s => s!.GetType().Name).ToList();
        Assert.True(unreported.Count == 0, $"SQLite stores that cannot report their connections: {string.Join(", ", unreported)}");

        var settings = new List<ConnectionSettings>();
        foreach (var store in stores.Cast<IReportsConnectionSettings>())
            settings.AddRange(await store.ReadConnectionSettingsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(["events.db", "readmodels.db", "requests.db", "sagas.db"],
            settings.Select(s => Path.GetFileName(s.DatabasePath)).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(settings, s => s.Connection == "event store: writer");
        Assert.All(settings, s => Assert.Equal(("wal", "FULL"), (s.JournalMode, s.Synchronous)));
    }

    private static bool IsStoreType(Type type) =>
        type.Assembly == typeof(SqliteEventStore).Assembly
        || (type.IsInterface && type.Namespace?.StartsWith("EventSourcing", StringComparison.Ordinal) == true);
}
