using EventSourcing.Projections;

namespace Ordering.LocalHost;

/// <summary>Keeps the read models following the store (its feed, or the Cosmos change feed) for as long as the host runs.</summary>
internal sealed class ProjectionWorker(IProjectionRuntime runner) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => runner.RunAsync(stoppingToken);
}
