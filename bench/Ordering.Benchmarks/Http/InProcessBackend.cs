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

    /// <summary>
    /// Leaves out the backend's own background services (projection worker, saga trigger and runner, wherever the
    /// composition root takes them from), keeping ASP.NET Core's: the command path alone. Says which it left out, and
    /// fails if it found none, so a change in the host's wiring cannot make this figure quietly include the followers.
    /// </summary>
    public static void WithoutFeedFollowers(IServiceCollection services)
    {
        var followers = services.Where(d => d.ServiceType == typeof(IHostedService) && !d.IsKeyedService && !IsFramework(Implementation(d))).ToList();
        if (followers.Count == 0)
            throw new InvalidOperationException("The backend registers no background service of its own to leave out: the host's wiring changed, see InProcessBackend.WithoutFeedFollowers.");
        foreach (var follower in followers) services.Remove(follower);
        Report.Print($"  (left out: {string.Join(", ", followers.Select(Describe))})");
    }

    // A factory registration names no type; the lambda's declaring type says which assembly registered it.
    private static Type? Implementation(ServiceDescriptor d) =>
        d.ImplementationType ?? d.ImplementationInstance?.GetType() ?? d.ImplementationFactory?.Method.DeclaringType;

    private static string Describe(ServiceDescriptor d) =>
        d.ImplementationFactory?.Method.DeclaringType is { } declaring
            ? $"a factory in {(declaring.IsNested ? declaring.DeclaringType!.Name : declaring.Name)}"
            : Implementation(d)?.Name ?? "?";

    private static bool IsFramework(Type? type) =>
        type?.Assembly.GetName().Name is { } name && (name.StartsWith("Microsoft.", StringComparison.Ordinal) || name.StartsWith("System.", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }
}
