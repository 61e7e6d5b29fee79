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

    /// <summary>Starts the providers with the host (and the container disposes, so flushes, them at shutdown) and samples projection lag.</summary>
    private sealed class TelemetryExport(TracerProvider tracing, MeterProvider metrics, IProjectionRuntime runner) : BackgroundService
    {
        private IReadOnlyList<ProjectionStatus> _latest = [];

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            _ = (tracing, metrics);
            EventSourcingTelemetry.Meter.CreateObservableGauge(
                "eventsourcing.projection.lag", () => _latest.Select(s => new Measurement<long>(s.Lag, new KeyValuePair<string, object?>("projection", s.Name))),
                "{event}", "Events the projection is behind the head of the feed.");
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
            do
            {
                _latest = await runner.GetStatusAsync(stoppingToken);
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
    }
}
