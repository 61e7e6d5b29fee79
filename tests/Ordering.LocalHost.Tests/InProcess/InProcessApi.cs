using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ordering.LocalHost.Tests.InProcess;

/// <summary>The local host in memory (WebApplicationFactory) on a data directory of its own.</summary>
public sealed class InProcessApi : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ordering-api-").FullName;

    public Dictionary<string, string?> Settings { get; } = new()
    {
        // How long a read with minVersion may wait for the read model: a bound that only a failing read meets, so a
        // loaded machine never turns a fresh answer stale. The scenario that reads beyond the model waits it out.
        ["Api:ReadYourWritesTimeout"] = "00:00:30",
    };

    /// <summary>
    /// The host's clock (its TimeProvider: saga timers, command times); set before the first client is created.
    /// A FakeTimeProvider lets a test fire a timeout when it says so instead of racing it. Null: the system clock.
    /// </summary>
    public TimeProvider? Clock { get; set; }

    public string DataDirectory => _dataDirectory;

    /// <summary>Changes to the host's services (a wrapped store, a fake clock), applied after its own registrations.</summary>
    public List<Action<IServiceCollection>> TestServices { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:DataDirectory", _dataDirectory);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (Clock is { } clock) builder.ConfigureTestServices(services => services.AddSingleton(clock));
        builder.ConfigureTestServices(services => TestServices.ForEach(change => change(services)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
