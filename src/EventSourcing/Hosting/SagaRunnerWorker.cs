using EventSourcing.Diagnostics;
using EventSourcing.Sagas;
using EventSourcing.Sagas.Embedded;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Hosting;

/// <summary>
/// Runs the <see cref="EmbeddedSagaRunner"/> for as long as the host runs, when a saga was added; a failure is logged and
/// it runs again. With no saga it does nothing, and the runner (and its instance index) is never opened.
/// </summary>
public sealed class SagaRunnerWorker(IServiceProvider services, TimeProvider time, ILogger<SagaRunnerWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetRequiredService<OrchestrationRegistry>().OrchestratorNames.Count == 0) return Task.CompletedTask;
        var runner = services.GetRequiredService<EmbeddedSagaRunner>();
        return RetryingLoop.RunAsync("saga runner", runner.RunAsync, Backoff.Default, time, logger, stoppingToken);
    }
}
