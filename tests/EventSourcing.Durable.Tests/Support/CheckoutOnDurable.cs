using System.Collections.Concurrent;
using System.Text.Json;
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
    private readonly ConcurrentDictionary<string, StoreProbe.Hold> _activityHolds = new(StringComparer.Ordinal);
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

    /// <summary>
    /// The next run of the activity does its work (its command committed, the command's turn on the stream handed on),
    /// then waits before it answers Durable until the hold is released.
    /// </summary>
    public StoreProbe.Hold HoldAfterNextActivity(string activity) =>
        _activityHolds.GetOrAdd(activity, name => new StoreProbe.Hold(() => _activityHolds.TryRemove(name, out _)));

    private Func<JsonElement?, CancellationToken, Task<JsonElement?>> HeldAfterItsWork(
        string activity, Func<JsonElement?, CancellationToken, Task<JsonElement?>> run) => async (input, cancellationToken) =>
    {
        var result = await run(input, cancellationToken);
        if (_activityHolds.TryRemove(activity, out var hold)) await hold.WaitAsync(cancellationToken);
        return result;
    };

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
        var registry = new OrchestrationRegistry().AddCheckout(host.Services.GetRequiredService<CheckoutActivities>());
        foreach (var activity in registry.ActivityNames.ToList()) registry.WrapActivity(activity, run => started.HeldAfterItsWork(activity, run));
        await engine.StartWorkerAsync(registry, Loggers);
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
