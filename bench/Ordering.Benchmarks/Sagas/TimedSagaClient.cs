using System.Diagnostics;
using EventSourcing.Sagas;
using EventSourcing.Sagas.Embedded;
using Microsoft.Extensions.DependencyInjection;

namespace Ordering.Benchmarks.Sagas;

/// <summary>
/// The host's saga client with a stopwatch around each call, so the run can tell how long the checkout trigger (which
/// hands the feed's events to the sagas one at a time) spends starting sagas and raising payments. It only reads the
/// clock; the calls go to the embedded runner unchanged.
/// </summary>
internal sealed class TimedSagaClient(ISagaClient inner) : ISagaClient
{
    private long _starts, _startTicks, _raises, _raiseTicks;

    /// <summary>Puts the timer between the host's services and its embedded runner.</summary>
    public static void Install(IServiceCollection services) =>
        services.AddSingleton<ISagaClient>(sp => sp.GetRequiredService<TimedSagaClient>())
            .AddSingleton(sp => new TimedSagaClient(sp.GetRequiredService<EmbeddedSagaRunner>()));

    public (long Calls, TimeSpan Total) Starts => (Volatile.Read(ref _starts), Stopwatch.GetElapsedTime(0, Volatile.Read(ref _startTicks)));

    public (long Calls, TimeSpan Total) Raises => (Volatile.Read(ref _raises), Stopwatch.GetElapsedTime(0, Volatile.Read(ref _raiseTicks)));

    public void Reset() => (_starts, _startTicks, _raises, _raiseTicks) = (0, 0, 0, 0);

    public async Task<SagaInstance> StartAsync(string orchestrator, string instanceId, object? input, SagaStartOptions? options = null, CancellationToken cancellationToken = default)
    {
        var before = Stopwatch.GetTimestamp();
        try { return await inner.StartAsync(orchestrator, instanceId, input, options, cancellationToken); }
        finally { Count(ref _starts, ref _startTicks, before); }
    }

    public async Task RaiseEventAsync(string instanceId, string eventName, object? payload, Guid? eventId = null, CancellationToken cancellationToken = default)
    {
        var before = Stopwatch.GetTimestamp();
        try { await inner.RaiseEventAsync(instanceId, eventName, payload, eventId, cancellationToken); }
        finally { Count(ref _raises, ref _raiseTicks, before); }
    }

    public Task<SagaInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default) => inner.GetAsync(instanceId, cancellationToken);

    public Task<SagaPage> ListAsync(SagaQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);

    private static void Count(ref long calls, ref long ticks, long before)
    {
        Interlocked.Increment(ref calls);
        Interlocked.Add(ref ticks, Stopwatch.GetTimestamp() - before);
    }
}
