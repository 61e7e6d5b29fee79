using EventSourcing.Projections;

namespace Ordering.LocalHost;

/// <summary>Keeps the read models following the event feed for as long as the host runs.</summary>
internal sealed class ProjectionWorker(ProjectionRunner runner) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => runner.RunAsync(stoppingToken);
}
