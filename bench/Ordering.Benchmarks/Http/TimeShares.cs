using System.Diagnostics;
using System.Diagnostics.Metrics;
using EventSourcing.Diagnostics;

namespace Ordering.Benchmarks.Http;

/// <summary>
/// Where a request's time goes, from what the process already measures (dotnet-counters is not on the build
/// machines): ASP.NET Core's server-side request duration, the store's durable-append duration, and the CPU the
/// whole process (load generator included) spent per request.
/// </summary>
internal sealed class TimeShares : IDisposable
{
    private const string AspNetCoreHosting = "Microsoft.AspNetCore.Hosting";
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private (long Count, double SumMs) _server;
    private (long Count, double SumMs) _append;
    private TimeSpan _cpuAtReset;

    public TimeShares()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Meter.Name: AspNetCoreHosting, Name: "http.server.request.duration" }
                or { Meter.Name: EventSourcingTelemetry.Name, Name: "eventsourcing.append.duration" })
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            lock (_gate)
            {
                // The server reports seconds, the store milliseconds.
                if (instrument.Meter.Name == AspNetCoreHosting) _server = (_server.Count + 1, _server.SumMs + value * 1000);
                else _append = (_append.Count + 1, _append.SumMs + value);
            }
        });
        _listener.Start();
        Reset();
    }

    /// <summary>Starts a new measurement window (call right before the timed run).</summary>
    public void Reset()
    {
        lock (_gate) (_server, _append) = (default, default);
        _cpuAtReset = Process.GetCurrentProcess().TotalProcessorTime;
    }

    public string Summary(long requests)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpuAtReset;
        lock (_gate)
        {
            var server = _server.Count == 0 ? "n/a" : FormattableString.Invariant($"{_server.SumMs / _server.Count:F2} ms");
            var append = _append.Count == 0 ? "none" : FormattableString.Invariant($"{_append.Count:N0} appends, mean {_append.SumMs / _append.Count:F2} ms");
            return FormattableString.Invariant(
                $"server-side mean {server}; {append}; process CPU {cpu.TotalMicroseconds / Math.Max(1, requests):F0} µs per request ({cpu.TotalSeconds:F1} s CPU over {Environment.ProcessorCount} cores)");
        }
    }

    public void Dispose() => _listener.Dispose();
}
