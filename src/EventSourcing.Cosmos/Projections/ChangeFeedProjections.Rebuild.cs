using EventSourcing.Cosmos.ChangeFeed;
using EventSourcing.Cosmos.Projections.Generations;
using EventSourcing.Projections;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Projections;

/// <summary>
/// Blue/green rebuilds: generation g >= 2 of a projection is written by a processor of its own that starts from the
/// beginning of the feed, under the generation's physical name, while the active one keeps answering reads. When
/// its estimator reports nothing pending, the generations record makes it active; from then on it is that
/// projection's only writer (the main dispatcher leaves the projection alone). Older generations' documents are kept.
/// </summary>
public sealed partial class ChangeFeedProjections
{
    private readonly Lock _gate = new();
    private readonly Dictionary<GenerationKey, RunningGeneration> _running = [];
    private CancellationToken? _lifetime;

    /// <summary>Starts (or, while one runs, returns) a rebuild of <paramref name="projection"/> into its next generation.</summary>
    /// <returns>The number of the generation being built.</returns>
    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    /// <exception cref="NotSupportedException">This host runs no long-running processors (<see cref="ChangeFeedProjectionOptions.RunsRebuilds"/>).</exception>
    public async Task<int> RebuildAsync(string projection, CancellationToken cancellationToken = default)
    {
        _dispatcher.ProjectionOf(projection);
        if (!_options.RunsRebuilds || _dispatcher.Generations.Source is not { } store)
            throw new NotSupportedException(
                $"Rebuilding '{projection}' is not supported by this host: a rebuild needs a long-running change-feed processor of its own (the local host runs one).");
        while (true)
        {
            var stored = await store.GetGenerationsAsync(projection, cancellationToken);
            var (next, building, changed) = ProjectionGenerations.StartRebuild(stored.Record);
            // Lost to another request or a promotion: decide again on the fresh record.
            if (changed && !await store.TryWriteGenerationsAsync(next, stored.ETag, cancellationToken)) continue;
            _dispatcher.Generations.Remember(next);
            StartGeneration(new(projection, building));
            return building;
        }
    }

    /// <summary>Starts the processors the generations records ask for: a rebuilt projection must keep its writer after a restart.</summary>
    private async Task StartRecordedGenerationsAsync(CancellationToken cancellationToken)
    {
        if (_dispatcher.Generations.Source is not { } store) return;
        while (true)
        {
            try
            {
                var records = new List<GenerationsRecord>();
                foreach (var projection in _dispatcher.Projections)
                    records.Add((await store.GetGenerationsAsync(projection.Name, cancellationToken)).Record);
                foreach (var key in ProjectionGenerations.ProcessorsToRun(records)) StartGeneration(key);
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
            if (!await PauseAsync(_options.RestartDelay, cancellationToken)) return;
        }
    }

    /// <summary>Runs the generation's processor in this process unless it already runs; outside <see cref="RunAsync"/>, RunAsync starts it from the record.</summary>
    private void StartGeneration(GenerationKey key)
    {
        lock (_gate)
        {
            if (_lifetime is not { } lifetime || _running.ContainsKey(key)) return;
            var stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
            var dispatcher = _dispatcher.ForGeneration(key.Projection, key.Generation);
            _running[key] = new(dispatcher, stop, Task.Run(() => RunGenerationAsync(key, dispatcher, stop.Token), CancellationToken.None));
        }
    }

    private async Task RunGenerationAsync(GenerationKey key, ChangeFeedDispatcher dispatcher, CancellationToken cancellationToken)
    {
        var name = ProjectionGenerations.ProcessorName(_options.ProcessorName, key.Projection, key.Generation);
        try
        {
            // From the beginning whatever the main processor's start time: the generation must hold every event.
            var processor = ProcessorLoop.Build(_events, _leases, name, (context, changes, ct) => HandleAsync(dispatcher, context, changes, ct),
                _options with { StartTime = null }, _logger);
            LogGenerationRunning(_logger, key.Projection, key.Generation, name);
            await Task.WhenAll(
                ProcessorLoop.RunAsync(processor, _options.RestartDelay, _options.TimeProvider, _logger, cancellationToken),
                PromoteWhenCaughtUpAsync(key, name, cancellationToken));
        }
#pragma warning disable CA1031 // Nobody awaits this task until shutdown: a failure is logged, not left unobserved.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogGenerationFailed(_logger, e, key.Projection, key.Generation);
        }
    }

    /// <summary>Polls the generation's estimator until it has nothing pending, then makes it active.</summary>
    private async Task PromoteWhenCaughtUpAsync(GenerationKey key, string processor, CancellationToken cancellationToken)
    {
        var store = _dispatcher.Generations.Source!;
        while (true)
        {
            try
            {
                var stored = await store.GetGenerationsAsync(key.Projection, cancellationToken);
                // Active already (promoted here before a restart, or by another instance): nothing to decide, it keeps writing.
                if (stored.Record.Building != key.Generation) return;
                var next = ProjectionGenerations.Promote(stored.Record, key.Generation, await EstimateLagAsync(processor, cancellationToken));
                if (next is not null && await store.TryWriteGenerationsAsync(next, stored.ETag, cancellationToken))
                {
                    _dispatcher.Generations.Remember(next);
                    LogPromoted(_logger, key.Projection, key.Generation);
                    StopSuperseded(key.Projection, stored.Record.Active);
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed poll is tried again; the generation keeps filling meanwhile.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogPromotionFailed(_logger, e, key.Projection, key.Generation);
            }
            if (!await PauseAsync(_options.PromotionPollInterval, cancellationToken)) return;
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

    /// <summary>This process's dispatcher for the generation, or null when it runs none for it.</summary>
    private ChangeFeedDispatcher? RunningDispatcher(string projection, int generation)
    {
        lock (_gate) return _running.TryGetValue(new(projection, generation), out var running) ? running.Dispatcher : null;
    }

    private async Task StopGenerationsAsync()
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

    /// <returns>False when cancelled first.</returns>
    private async Task<bool> PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _options.TimeProvider, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private sealed record RunningGeneration(ChangeFeedDispatcher Dispatcher, CancellationTokenSource Stop, Task Task);

    [LoggerMessage(LogLevel.Information, "Projection {Projection} generation {Generation} is written by processor {Processor}")]
    private static partial void LogGenerationRunning(ILogger logger, string projection, int generation, string processor);

    [LoggerMessage(LogLevel.Information, "Projection {Projection} generation {Generation} caught up and now answers reads")]
    private static partial void LogPromoted(ILogger logger, string projection, int generation);

    [LoggerMessage(LogLevel.Warning, "Could not decide whether projection {Projection} generation {Generation} caught up; asking again")]
    private static partial void LogPromotionFailed(ILogger logger, Exception exception, string projection, int generation);

    [LoggerMessage(LogLevel.Error, "Projection {Projection} generation {Generation} stopped")]
    private static partial void LogGenerationFailed(ILogger logger, Exception exception, string projection, int generation);

    [LoggerMessage(LogLevel.Error, "Could not read the projections' generations; trying again in {Delay}")]
    private static partial void LogGenerationsUnreadable(ILogger logger, Exception exception, TimeSpan delay);
}
