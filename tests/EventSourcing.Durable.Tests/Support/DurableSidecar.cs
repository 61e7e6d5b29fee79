using System.Net;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Durable.Tests.Support;

/// <summary>
/// The Durable Task engine behind the gRPC sidecar protocol that the SDK's worker and client speak, over any
/// orchestration service: the in-memory one or Durable's Azure Storage backend. This is the only file that touches
/// Microsoft.DurableTask.InProcessTestHost's sidecar (<see cref="TaskHubGrpcServer"/>), a preview API that may change
/// shape; DurableTaskTestHost.StartAsync would do for memory only and picks a random port with its own console logging.
/// </summary>
internal sealed class DurableSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DurableSidecar(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts the sidecar on a free loopback port; its dispatchers start once a worker connects.</summary>
    public static async Task<DurableSidecar> StartAsync(IOrchestrationService service, ILoggerFactory loggers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton((IOrchestrationServiceClient)service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync();
        return new DurableSidecar(app, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
