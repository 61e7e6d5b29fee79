using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Ordering.Application;

namespace Ordering.Benchmarks.Http;

/// <summary>
/// The ceiling the backend is compared against: the same route and JSON body on Kestrel's minimal API, answered at
/// once with no store behind it. What the backend loses against it is the price of validation, the pipeline
/// (idempotency, ETags, correlation), loading and deciding the order, and the durable append.
/// </summary>
internal sealed class BareKestrel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _version;

    private BareKestrel()
    {
        var builder = WebApplication.CreateBuilder(["--urls", FreeLoopback.Url]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = builder.Build();
        _app.MapPost("/api/orders/{orderId}/items", (string orderId, AddItemRequest body) =>
            Results.Ok(new OrderWritten(orderId, Interlocked.Increment(ref _version))));
    }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<BareKestrel> StartAsync()
    {
        var bare = new BareKestrel();
        await bare._app.StartAsync();
        bare.BaseAddress = FreeLoopback.BoundAddress(bare._app);
        return bare;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
