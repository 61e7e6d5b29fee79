using DurableTask.Core;
using EventSourcing.Sagas;
using EventSourcing.Sqlite.Sagas;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Ordering.Checkout;
using Ordering.LocalHost.Tests.Support;

namespace EventSourcing.Durable.Tests.Support;

/// <summary>
/// One app process with checkout on Durable: the engine over the given orchestration service, the local host on a
/// data directory (which outlives the process, as a database would), and the Durable worker running the real checkout
/// activities of that host. Disposing it is a shutdown: what it kept in the data directory and the task hub remains.
/// </summary>
internal sealed class CheckoutOnDurable : IAsyncDisposable
{
    // The engine and the host are quiet; a failing test says what it saw through its assertions.
    private static readonly ILoggerFactory Loggers = NullLoggerFactory.Instance;

    private readonly DurableEngine _engine;
    private readonly LocalHostOnDurable _host;
    private bool _disposed;

    private CheckoutOnDurable(DurableEngine engine, LocalHostOnDurable host)
    {
        _engine = engine;
        _host = host;
        Http = host.CreateClient();
        Checkout = new CheckoutDriver(Http);
    }

    public HttpClient Http { get; }

    public CheckoutDriver Checkout { get; }

    public DurableTaskClient Durable => _engine.Client;

    public StoreProbe Store => _host.Services.GetRequiredService<StoreProbe>();

    public CheckoutTrigger Trigger => _host.Services.GetRequiredService<CheckoutTrigger>();

    /// <summary>How far the checkout trigger has handled the feed (every event up to it is started or raised).</summary>
    public Task<long> TriggerCheckpointAsync() =>
        _host.Services.GetRequiredService<SqliteSagaStore>().GetAsync(CheckoutTrigger.SubscriptionName, TestContext.Current.CancellationToken);

    public static async Task<CheckoutOnDurable> StartAsync(IOrchestrationService service, string dataDirectory, TimeSpan paymentTimeout)
    {
        var engine = await DurableEngine.StartAsync(service, Loggers);
        var host = new LocalHostOnDurable(dataDirectory, engine.Client, new Dictionary<string, string?>
        {
            ["Checkout:PaymentTimeout"] = paymentTimeout.ToString(),
            ["Api:ReadYourWritesTimeout"] = "00:00:01",
        });
        var started = new CheckoutOnDurable(engine, host);
        // Were the override lost, the embedded runner would run the sagas and every scenario would pass without Durable.
        Assert.IsType<DurableSagaClient>(host.Services.GetRequiredService<ISagaClient>());
        await engine.StartWorkerAsync(new OrchestrationRegistry().AddCheckout(host.Services.GetRequiredService<CheckoutActivities>()), Loggers);
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        Http.Dispose();
        await _host.DisposeAsync();
        await _engine.DisposeAsync();
    }
}
