using EventSourcing.Cosmos.ChangeFeed;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Projections.Generations;

/// <summary>
/// The change-feed processors of generations g >= 2 that run in this process, one per generation, each starting from
/// the beginning of the feed and writing under the generation's physical name while the active one keeps answering
/// reads. They run only while the runtime does (between <see cref="Open"/> and <see cref="StopAllAsync"/>).
/// </summary>
internal sealed partial class GenerationProcessors
{
    private readonly Lock _gate = new();
    private readonly Dictionary<GenerationKey, RunningGeneration> _running = [];
    private readonly Container _events;
    private readonly Container _leases;
    private readonly ChangeFeedDispatcher _dispatcher;
    private readonly GenerationPromotion _promotion;
    private readonly ChangeFeedProjectionOptions _options;
    private readonly ILogger _logger;
    private CancellationToken? _lifetime;

    public GenerationProcessors(
        Container events, Container leases, ChangeFeedDispatcher dispatcher, ChangeFeedLag lag, ChangeFeedProjectionOptions options, ILogger logger)
    {
        _events = events;
        _leases = leases;
        _dispatcher = dispatcher;
        _options = options;
        _logger = logger;
        _promotion = new GenerationPromotion(dispatcher.Generations, lag, options, logger);
    }

    /// <summary>From now on until <see cref="StopAllAsync"/>, processors started here run for <paramref name="lifetime"/>.</summary>
    public void Open(CancellationToken lifetime)
    {
        lock (_gate) _lifetime = lifetime;
    }

    /// <summary>Starts the processors the generations records ask for: a rebuilt projection must keep its writer after a restart.</summary>
    public async Task StartRecordedAsync(CancellationToken cancellationToken)
    {
        if (_dispatcher.Generations.Source is not { } store) return;
        while (true)
        {
            try
            {
                var records = new List<GenerationsRecord>();
                foreach (var projection in _dispatcher.Projections)
                    records.Add((await store.GetGenerationsAsync(projection.Name, cancellationToken)).Record);
                foreach (var key in ProjectionGenerations.ProcessorsToRun(records)) Start(key);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Cosmos out of reach at startup: the host keeps serving and tries again, as the main processor does.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogGenerationsUnreadable(_logger, e, _options.RestartDelay);
            }
            if (!await Pause.ForAsync(_options.RestartDelay, _options.TimeProvider, cancellationToken)) return;
        }
    }

    /// <summary>Runs the generation's processor in this process unless it already runs; outside the runtime's run, that run starts it from the record.</summary>
    public void Start(GenerationKey key)
    {
        lock (_gate)
        {
            if (_lifetime is not { } lifetime || _running.ContainsKey(key)) return;
            var stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
            var dispatcher = _dispatcher.ForGeneration(key.Projection, key.Generation);
            _running[key] = new(dispatcher, stop, Task.Run(() => RunAsync(key, dispatcher, stop.Token), CancellationToken.None));
        }
    }

    /// <summary>This process's dispatcher for the generation, or null when it runs none for it.</summary>
    public ChangeFeedDispatcher? Running(string projection, int generation)
    {
        lock (_gate) return _running.TryGetValue(new(projection, generation), out var running) ? running.Dispatcher : null;
    }

    /// <summary>Stops every processor started here and waits for them; none starts again until the next <see cref="Open"/>.</summary>
    public async Task StopAllAsync()
    {
        RunningGeneration[] running;
        lock (_gate)
        {
            _lifetime = null;
            running = [.. _running.Values];
            _running.Clear();
        }
        foreach (var generation in running) await generation.Stop.CancelAsync();
        await Task.WhenAll(running.Select(r => r.Task));
        foreach (var generation in running) generation.Stop.Dispose();
    }

    private async Task RunAsync(GenerationKey key, ChangeFeedDispatcher dispatcher, CancellationToken cancellationToken)
    {
        var name = ProjectionGenerations.ProcessorName(_options.ProcessorName, key.Projection, key.Generation);
        try
        {
            // From the beginning whatever the main processor's start time: the generation must hold every event.
            var processor = ProcessorLoop.Build(_events, _leases, name, ProcessorLoop.DispatchTo(dispatcher, _logger),
                _options with { StartTime = null }, _logger);
            LogGenerationRunning(_logger, key.Projection, key.Generation, name);
            await Task.WhenAll(
                ProcessorLoop.RunAsync(processor, _options.RestartDelay, _options.TimeProvider, _logger, cancellationToken),
                _promotion.WhenCaughtUpAsync(key, name, StopSuperseded, cancellationToken));
        }
#pragma warning disable CA1031 // Nobody awaits this task until shutdown: a failure is logged, not left unobserved.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogGenerationFailed(_logger, e, key.Projection, key.Generation);
        }
    }

    /// <summary>The generation that was active until a promotion no longer answers reads, so its processor (if it has one here) stops.</summary>
    private void StopSuperseded(string projection, int previous)
    {
        lock (_gate)
        {
            if (previous >= 2 && _running.TryGetValue(new(projection, previous), out var old)) old.Stop.Cancel();
        }
    }

    private sealed record RunningGeneration(ChangeFeedDispatcher Dispatcher, CancellationTokenSource Stop, Task Task);

    [LoggerMessage(LogLevel.Information, "Projection {Projection} generation {Generation} is written by processor {Processor}")]
    private static partial void LogGenerationRunning(ILogger logger, string projection, int generation, string processor);

    [LoggerMessage(LogLevel.Error, "Projection {Projection} generation {Generation} stopped")]
    private static partial void LogGenerationFailed(ILogger logger, Exception exception, string projection, int generation);

    [LoggerMessage(LogLevel.Error, "Could not read the projections' generations; trying again in {Delay}")]
    private static partial void LogGenerationsUnreadable(ILogger logger, Exception exception, TimeSpan delay);
}
