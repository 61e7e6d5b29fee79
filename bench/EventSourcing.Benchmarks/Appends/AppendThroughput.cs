using System.Globalization;
using EventSourcing.Sqlite;

namespace EventSourcing.Benchmarks.Appends;

/// <summary>
/// Durable append throughput of the SQLite store's writer, committing up to 512 queued appends per transaction (group
/// commit, the default) against the same writer with <see cref="SqliteStoreOptions.MaxAppendsPerCommit"/> = 1 (one
/// append per transaction and fsync), in one run on one machine. Hand-written rather than BenchmarkDotNet because the
/// figure that matters comes from many concurrent writers sharing commits, which a single-threaded benchmark method
/// cannot show.
/// </summary>
internal static class AppendThroughput
{
    private const int Writers = 64;
    private const int Streams = 1_000;
    private const int GroupCommit = 512;
    private const int OneAppendPerCommit = 1;

    public static async Task RunAsync(bool quick)
    {
        // Quick: a smoke run that proves the workload runs; its rates are not comparable to the targets.
        var (warmup, groupRun, singleRun) = quick
            ? (TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1))
            : (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5));
        Print($"Durable appends (synchronous = FULL) of one {AppendWorkload.Payload.Length}-byte event, {Writers} writers, {Streams:N0} streams, exact expected versions; {Environment.ProcessorCount} cores{(quick ? "; QUICK run" : "")}.");
        var grouped = await MeasureAsync(GroupCommit, warmup, groupRun, maxEvents: 200_000);
        // One append per commit pays an fsync per event, so a shorter run already gives a stable rate.
        var single = await MeasureAsync(OneAppendPerCommit, warmup, singleRun, maxEvents: long.MaxValue);

        var ratio = grouped.EventsPerSecond / single.EventsPerSecond;
        Print($"Group commit / one append per commit: {ratio:F1}x{Target(quick, ratio >= 5, "target >= 5x")}");
        Print($"Group commit >= 20,000 events/s:{Target(quick, grouped.EventsPerSecond >= 20_000, "target")}");
    }

    private static string Target(bool quick, bool met, string target) =>
        quick ? " (quick run: target not judged)" : $" ({target}: {(met ? "met" : "MISSED")})";

    private static async Task<WorkloadRun> MeasureAsync(int maxAppendsPerCommit, TimeSpan warmup, TimeSpan duration, long maxEvents)
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
            await workload.RunAsync(warmup, long.MaxValue);
            run = await workload.RunAsync(duration, maxEvents);
        }

        Print($"MaxAppendsPerCommit = {maxAppendsPerCommit,3}: {run.Events,9:N0} events in {run.Elapsed.TotalSeconds,5:F2} s = {run.EventsPerSecond,9:N0} events/s, append latency p50 {run.Percentile(0.50).TotalMilliseconds:F2} ms, p99 {run.Percentile(0.99).TotalMilliseconds:F2} ms");
        return run;
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
