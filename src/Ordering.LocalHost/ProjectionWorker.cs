using EventSourcing.Diagnostics;
using EventSourcing.Projections;

namespace Ordering.LocalHost;

/// <summary>
/// Keeps the read models following the store (its feed, or the Cosmos change feed) for as long as the host runs; should
/// the runtime itself fail, it is logged and started again rather than stopping the host.
/// </summary>
internal sealed class ProjectionWorker(IProjectionRuntime runner, TimeProvider time, ILogger<ProjectionWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RetryingLoop.RunAsync("projections", runner.RunAsync, Backoff.Default, time, logger, stoppingToken);
}
