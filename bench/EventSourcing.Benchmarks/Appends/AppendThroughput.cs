using System.Globalization;
using EventSourcing.Sqlite;

namespace EventSourcing.Benchmarks.Appends;

/// <summary>
/// Durable append throughput, group commit against one commit per append, in one run on one machine.
/// Hand-written rather than BenchmarkDotNet because the figure that matters comes from many concurrent
/// writers sharing commits, which a single-threaded benchmark method cannot show.
/// </summary>
internal static class AppendThroughput
{
    private const int Writers = 64;
    private const int Streams = 1_000;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(1);

    public static async Task RunAsync()
    {
        Print($"Durable appends (synchronous = FULL) of one {AppendWorkload.Payload.Length}-byte event, {Writers} writers, {Streams:N0} streams, exact expected versions; {Environment.ProcessorCount} cores.");
        var groupCommit = await MeasureAsync(maxAppendsPerCommit: 512, TimeSpan.FromSeconds(10), maxEvents: 200_000);
        // The baseline pays an fsync per event, so a shorter run already gives a stable rate.
        var baseline = await MeasureAsync(maxAppendsPerCommit: 1, TimeSpan.FromSeconds(5), maxEvents: long.MaxValue);

        var ratio = groupCommit.EventsPerSecond / baseline.EventsPerSecond;
        Print($"Group commit / baseline: {ratio:F1}x (target >= 5x: {(ratio >= 5 ? "met" : "MISSED")})");
        Print($"Group commit >= 20,000 events/s: {(groupCommit.EventsPerSecond >= 20_000 ? "met" : "MISSED")}");
    }

    private static async Task<WorkloadRun> MeasureAsync(int maxAppendsPerCommit, TimeSpan duration, long maxEvents)
    {
        using var database = new TempDatabase($"appends-{maxAppendsPerCommit}");
        WorkloadRun run;
        await using (var store = SqliteEventStore.Open(new SqliteStoreOptions
        {
            DatabasePath = database.Path,
            MaxAppendsPerCommit = maxAppendsPerCommit,
            DurableCommits = true,
        }))
        {
            var workload = new AppendWorkload(store, Writers, Streams);
            // Untimed warm-up: JIT, thread pool growth and the first pages of the file are not what we measure.
            await workload.RunAsync(Warmup, long.MaxValue);
            run = await workload.RunAsync(duration, maxEvents);
        }

        Print($"MaxAppendsPerCommit = {maxAppendsPerCommit,3}: {run.Events,9:N0} events in {run.Elapsed.TotalSeconds,5:F2} s = {run.EventsPerSecond,9:N0} events/s, append latency p50 {run.Percentile(0.50).TotalMilliseconds:F2} ms, p99 {run.Percentile(0.99).TotalMilliseconds:F2} ms");
        return run;
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
