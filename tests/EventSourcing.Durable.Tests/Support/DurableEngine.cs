using DurableTask.Core;
using EventSourcing.Sagas;
using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Durable.Tests.Support;

/// <summary>
/// The Durable side of one app process, as the Functions host runs it: the engine (a sidecar over an orchestration
/// service), a client, and the SDK's worker running a registry's orchestrators and activities through our adapter.
/// The client comes first because the app that hosts the activities needs it to start sagas.
/// </summary>
internal sealed class DurableEngine : IAsyncDisposable
{
    private readonly DurableSidecar _sidecar;
    private readonly GrpcChannel _channel;
    private readonly IHost _clientHost;
    private IHost? _worker;

    private DurableEngine(DurableSidecar sidecar, GrpcChannel channel, IHost clientHost)
    {
        _sidecar = sidecar;
        _channel = channel;
        _clientHost = clientHost;
        Client = clientHost.Services.GetRequiredService<DurableTaskClient>();
    }

    public DurableTaskClient Client { get; }

    public static async Task<DurableEngine> StartAsync(IOrchestrationService service, ILoggerFactory loggers)
    {
        var sidecar = await DurableSidecar.StartAsync(service, loggers);
        var channel = GrpcChannel.ForAddress(sidecar.Address);
        var clientHost = Host(loggers, services => services.AddDurableTaskClient(builder => builder.UseGrpc(channel).RegisterDirectly()));
        await clientHost.StartAsync();
        return new DurableEngine(sidecar, channel, clientHost);
    }

    /// <summary>Starts the worker: from here on, orchestrations and activities run.</summary>
    public async Task StartWorkerAsync(OrchestrationRegistry registry, ILoggerFactory loggers)
    {
        _worker = Host(loggers, services => services.AddDurableTaskWorker(builder => builder.UseGrpc(_channel).AddTasks(tasks => tasks.AddSagas(registry))));
        await _worker.StartAsync();
    }

    /// <summary>Stops the worker, then the engine: what a host shutdown (or a scale-in) does to a running saga.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync();
            _worker.Dispose();
        }
        await _clientHost.StopAsync();
        _clientHost.Dispose();
        await _channel.ShutdownAsync();
        _channel.Dispose();
        await _sidecar.DisposeAsync();
    }

    private static IHost Host(ILoggerFactory loggers, Action<IServiceCollection> configure) =>
        new HostBuilder().ConfigureServices(services =>
        {
            services.AddSingleton(loggers);
            configure(services);
        }).Build();
}
