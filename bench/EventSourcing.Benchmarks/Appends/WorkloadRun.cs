using System.Diagnostics;

namespace EventSourcing.Benchmarks.Appends;

/// <summary>What one timed run of the workload achieved.</summary>
/// <param name="Events">Appends acknowledged (one event each).</param>
/// <param name="Elapsed">Wall time from the first append started to the last acknowledged.</param>
/// <param name="LatencyTicks">Each append's time from call to acknowledgement, in <see cref="Stopwatch"/> ticks.</param>
internal sealed record WorkloadRun(long Events, TimeSpan Elapsed, long[] LatencyTicks)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    /// <summary>The latency below which <paramref name="fraction"/> of appends completed (nearest rank).</summary>
    public TimeSpan Percentile(double fraction)
    {
        if (LatencyTicks.Length == 0) return TimeSpan.Zero;
        var sorted = LatencyTicks.Order().ToArray();
        var rank = (int)Math.Ceiling(fraction * sorted.Length) - 1;
        return TimeSpan.FromSeconds((double)sorted[Math.Clamp(rank, 0, sorted.Length - 1)] / Stopwatch.Frequency);
    }
}
