using EventSourcing.Diagnostics;
using EventSourcing.Projections;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Hosting;

/// <summary>
/// Keeps the read models following the store (its feed, or the Cosmos change feed) for as long as the host runs; should
/// the runtime itself fail, it is logged and started again rather than stopping the host. Registered by the stores'
/// <c>Use</c> methods in hosts that drive projections themselves.
/// </summary>
public sealed class ProjectionWorker(IProjectionRuntime runtime, TimeProvider time, ILogger<ProjectionWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RetryingLoop.RunAsync("projections", runtime.RunAsync, Backoff.Default, time, logger, stoppingToken);
}
