using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ordering.LocalHost;

namespace Ordering.Benchmarks.Http;

/// <summary>
/// The real ordering backend (the local host's own composition root) on Kestrel, on a free loopback port, with its
/// data in a temp folder. Real sockets rather than an in-memory test server, so the HTTP stack is part of the figure.
/// </summary>
internal sealed class InProcessBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory _data = new();

    private InProcessBackend(Action<IServiceCollection>? configure, IEnumerable<string> settings)
    {
        var builder = WebApplication.CreateBuilder(
        [
            "--urls", FreeLoopback.Url,
            "--Store:DataDirectory", _data.Path,
            // Request and saga logs on the console would be measured as well; warnings and errors still show.
            "--Logging:LogLevel:Default", "Warning",
            .. settings,
        ]);
        builder.AddOrderingBackend();
        configure?.Invoke(builder.Services);
        _app = builder.Build();
        _app.UseOrderingBackend();
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">More command-line settings, e.g. "--Checkout:PaymentTimeout", "00:05:00".</param>
    public static Task<InProcessBackend> StartAsync(params string[] settings) => StartAsync(null, settings);

    /// <param name="configure">Changes to the backend's services to tell where time goes: timers that only read the clock, or
    /// pieces taken away (never for a headline figure).</param>
    public static async Task<InProcessBackend> StartAsync(Action<IServiceCollection>? configure, params string[] settings)
    {
        var backend = new InProcessBackend(configure, settings);
        await backend._app.StartAsync();
        backend.BaseAddress = FreeLoopback.BoundAddress(backend._app);
        return backend;
    }

    /// <summary>Leaves out the host's background services (projection worker, saga trigger and runner): the command path alone.</summary>
    public static void WithoutFeedFollowers(IServiceCollection services)
    {
        var backendAssembly = typeof(OrderingBackend).Assembly;
        foreach (var follower in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == backendAssembly).ToList())
            services.Remove(follower);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }
}
