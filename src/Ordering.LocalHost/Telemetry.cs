using System.Diagnostics.Metrics;
using EventSourcing.Diagnostics;
using EventSourcing.Projections;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Ordering.LocalHost;

/// <summary>
/// Traces and metrics over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set: our append spans and metrics, projection
/// lag, and ASP.NET Core's own request activities and meters. Nothing is collected otherwise.
/// </summary>
internal static class Telemetry
{
    public static IServiceCollection AddOtlpWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return services;
        // The OTLP exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and the other OTEL_* variables) itself.
        services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .AddSource(EventSourcingTelemetry.Name, "Microsoft.AspNetCore")
            .AddOtlpExporter()
            .Build());
        services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .AddMeter(EventSourcingTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddOtlpExporter()
            .Build());
        services.AddHostedService<TelemetryExport>();
        return services;
    }

    /// <summary>
    /// Starts the providers with the host (and the container disposes, so flushes, them at shutdown) and samples projection
    /// lag. A sample that fails (the store or the change-feed estimator out of reach) is logged and tried again after a
    /// growing pause; the gauge keeps the last good one meanwhile and the host keeps serving.
    /// </summary>
    private sealed class TelemetryExport(TracerProvider tracing, MeterProvider metrics, IProjectionRuntime runner, TimeProvider time, ILogger<TelemetryExport> logger)
        : BackgroundService
    {
        private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(5);
        private IReadOnlyList<ProjectionStatus> _latest = [];

        protected override Task ExecuteAsync(CancellationToken stoppingToken)
        {
            _ = (tracing, metrics);
            EventSourcingTelemetry.Meter.CreateObservableGauge(
                "eventsourcing.projection.lag", () => _latest.Select(s => new Measurement<long>(s.Lag, new KeyValuePair<string, object?>("projection", s.Name))),
                "{event}", "Events the projection is behind the head of the feed.");
            return RetryingLoop.RunAsync("projection lag sampling", SampleAsync, Backoff.Default, time, logger, stoppingToken);
        }

        private async Task SampleAsync(CancellationToken stoppingToken)
        {
            while (true)
            {
                _latest = await runner.GetStatusAsync(stoppingToken);
                await Task.Delay(SampleInterval, time, stoppingToken);
            }
        }
    }
}
