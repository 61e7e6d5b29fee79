using System.Diagnostics;

namespace Ordering.Benchmarks;

/// <summary>Durations in <see cref="Stopwatch"/> ticks, summarised by nearest-rank percentiles.</summary>
internal sealed class Latencies(IEnumerable<long> ticks)
{
    private readonly long[] _sorted = [.. ticks.Order()];

    public int Count => _sorted.Length;

    public TimeSpan Percentile(double fraction)
    {
        if (_sorted.Length == 0) return TimeSpan.Zero;
        var rank = (int)Math.Ceiling(fraction * _sorted.Length) - 1;
        return Stopwatch.GetElapsedTime(0, _sorted[Math.Clamp(rank, 0, _sorted.Length - 1)]);
    }

    public string Summary() =>
        FormattableString.Invariant($"p50 {Percentile(0.50).TotalMilliseconds:F2} ms, p99 {Percentile(0.99).TotalMilliseconds:F2} ms");
}
