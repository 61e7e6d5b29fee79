using EventSourcing.Sagas;
using EventSourcing.Sagas.Embedded;
using EventSourcing.Sqlite;
using EventSourcing.Sqlite.Sagas;
using EventSourcing.Tests.Support;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Tests.Sagas;

/// <summary>
/// An embedded runner on a SQLite event store and saga store in a temp folder, running in the background.
/// <see cref="RestartAsync"/> stops it and opens everything again on the same files (and the same clock), as a host restart does.
/// </summary>
public sealed class SagaHarness : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly Func<OrchestrationRegistry> _registry;
    private readonly TimeProvider _clock;
    private CancellationTokenSource _running = new();
    private Task _loop = Task.CompletedTask;

    /// <param name="clock">The runner's clock for history times and durable timers; a fake one lets a test move time instead of waiting.</param>
    public SagaHarness(Func<OrchestrationRegistry> registry, ILoggerFactory? loggers = null, TimeProvider? clock = null)
    {
        _registry = registry;
        _clock = clock ?? TimeProvider.System;
        Loggers = loggers;
        Open();
    }

    public ILoggerFactory? Loggers { get; }

    public SqliteEventStore Events { get; private set; } = null!;

    public SqliteSagaStore Index { get; private set; } = null!;

    public EmbeddedSagaRunner Runner { get; private set; } = null!;

    /// <summary>Waits for the instance to satisfy <paramref name="condition"/>; returns it. The 30 s bound only ends a failing wait.</summary>
    public async Task<SagaInstance> WaitFor(string instanceId, Func<SagaInstance, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var instance = await Runner.GetAsync(instanceId, TestContext.Current.CancellationToken);
            if (instance is not null && condition(instance)) return instance;
            Assert.True(DateTime.UtcNow < deadline, $"saga {instanceId} did not get there in 30 s; it is {instance?.Status} with {instance?.Steps.Count} steps");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public Task<SagaInstance> Finished(string instanceId) => WaitFor(instanceId, i => i.Status != SagaStatus.Running);

    /// <summary>Stops the runner (in-flight steps are abandoned) and closes the stores.</summary>
    public async Task StopAsync()
    {
        await _running.CancelAsync();
        await _loop;
        await Runner.DisposeAsync();
        Index.Dispose();
        await Events.DisposeAsync();
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        Open();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _running.Dispose();
        _folder.Dispose();
    }

    private void Open()
    {
        Events = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = _folder.File("events.db") });
        Index = new SqliteSagaStore(_folder.File("sagas.db"));
        Runner = new EmbeddedSagaRunner(Events, _registry(), Index, new EmbeddedSagaRunnerOptions { FaultDelay = TimeSpan.FromMilliseconds(50), TimeProvider = _clock }, Loggers);
        _running = new CancellationTokenSource();
        _loop = Runner.RunAsync(_running.Token);
    }
}
